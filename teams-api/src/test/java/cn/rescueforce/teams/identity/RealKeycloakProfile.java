package cn.rescueforce.teams.identity;

import cn.rescueforce.devkit.testing.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * teams-api as in production: it trusts only the Keycloak realm (discovery and keys from the realm URL, which
 * {@link KeycloakServer} supplies), never the development key of the test profile, and it requires the API
 * audience exactly as the prod profile does: the value of {@code %prod.quarkus.oidc.token.audience} in the kit's
 * defaults, not a value of this test's own.
 */
public class RealKeycloakProfile implements QuarkusTestProfile {

    /** The key of the prod profile's audience in the kit's defaults (META-INF/microprofile-config.properties). */
    static final String PROD_AUDIENCE = "%prod.quarkus.oidc.token.audience";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // an empty value removes the %test development key: keys come from the realm's JWKS
                "quarkus.oidc.public-key", "",
                "quarkus.oidc.token.issuer", KeycloakServer.REALM_URL,
                // the expression as prod has it (the environment may replace the value, nothing removes the check)
                "quarkus.oidc.token.audience", prodAudience());
    }

    /** The prod profile's audience setting, as the kit's defaults declare it. */
    static String prodAudience() {
        try {
            for (URL url : Collections.list(RealKeycloakProfile.class.getClassLoader().getResources("META-INF/microprofile-config.properties"))) {
                Properties defaults = new Properties();
                try (InputStream in = url.openStream()) {
                    defaults.load(in);
                }
                String audience = defaults.getProperty(PROD_AUDIENCE);
                if (audience != null && !audience.isBlank()) {
                    return audience;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the prod profile has no default audience (" + PROD_AUDIENCE + " in the kit's defaults)");
    }

    /**
     * Keycloak, and a database of its own (teams_keycloak_it) instead of the shared teams_test, so that this
     * test never races the other teams-api tests over one schema.
     */
    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakServer.class),
                new TestResourceEntry(PostgresTestDatabase.class, Map.of("database", "teams_keycloak_it")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
