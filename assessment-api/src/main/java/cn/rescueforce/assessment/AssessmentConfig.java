package cn.rescueforce.assessment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The service's own settings (application.properties, prefix {@code assessment}). */
@ConfigMapping(prefix = "assessment")
public interface AssessmentConfig {

    Outbox outbox();

    ServiceAccount serviceAccount();

    interface Outbox {
        /** How often the relay looks for results to deliver. */
        @WithDefault("5s")
        String pollInterval();

        /** Wait after the first failed attempt; doubles with each further failure up to {@link #maxBackoff()}. */
        @WithDefault("PT5S")
        Duration initialBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /** Messages handled per relay run. */
        @WithDefault("20")
        int batchSize();
    }

    interface ServiceAccount {
        /** {@code client-credentials} (Keycloak, prod) or {@code dev-key} (development key pair; dev, local, test). */
        @WithDefault("client-credentials")
        String mode();

        /** Keycloak token endpoint, for client-credentials. */
        Optional<String> tokenUrl();

        Optional<String> clientId();

        Optional<String> clientSecret();

        /** The development private key (PEM, PKCS#8): a file path, or {@code classpath:...}. */
        Optional<String> devKey();

        @WithDefault("https://dev.rescue-force.local/realms/rescue-force")
        String devIssuer();

        @WithDefault("service-account-assessment-api")
        String subject();
    }
}
