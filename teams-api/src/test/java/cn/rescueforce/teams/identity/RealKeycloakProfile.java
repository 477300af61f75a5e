package cn.rescueforce.teams.identity;

import cn.rescueforce.devkit.testing.PostgresTestDatabase;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * teams-api as in production: it trusts only the Keycloak realm (discovery and keys from the realm URL, which
 * {@link KeycloakServer} supplies), never the development key of the test profile, and it requires the API
 * audience the realm puts in every token (QUARKUS_OIDC_TOKEN_AUDIENCE in k8s/).
 */
public class RealKeycloakProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                // an empty value removes the %test development key: keys come from the realm's JWKS
                "quarkus.oidc.public-key", "",
                "quarkus.oidc.token.issuer", KeycloakServer.REALM_URL,
                "quarkus.oidc.token.audience", "rescue-force-api");
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
