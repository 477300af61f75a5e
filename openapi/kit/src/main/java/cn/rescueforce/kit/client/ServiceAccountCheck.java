package cn.rescueforce.kit.client;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.List;
import java.util.Optional;

/**
 * In {@code prod} a service that calls another (its OIDC client enabled) does not start without its service
 * account's secret. Without this check it would start, and every call to the other services would fail later as
 * a 503 that only the logs explain.
 */
@ApplicationScoped
public class ServiceAccountCheck {

    void onStart(@Observes StartupEvent started) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        boolean calls = config.getOptionalValue("quarkus.oidc-client.enabled", Boolean.class).orElse(false);
        Optional<String> secret = config.getOptionalValue("quarkus.oidc-client.credentials.secret", String.class);
        String problem = problem(calls, config.getProfiles(), secret);
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** What keeps the service from starting, or null. */
    static String problem(boolean callsOthers, List<String> profiles, Optional<String> secret) {
        if (callsOthers && profiles.contains("prod") && secret.filter(s -> !s.isBlank()).isEmpty()) {
            return "SERVICE_ACCOUNT_CLIENT_SECRET is not set: this service calls other services with the secret of its "
                    + "Keycloak client (quarkus.oidc-client.credentials.secret)";
        }
        return null;
    }
}
