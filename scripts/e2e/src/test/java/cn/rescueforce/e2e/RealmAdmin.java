package cn.rescueforce.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Changes made through Keycloak's admin API during a run (the realm file stays as shipped): users and clients the
 * way k8s/README.md "Onboarding organisations" has an administrator create them, and clients a test needs.
 */
final class RealmAdmin {

    private final KeycloakServer keycloak;
    private final String token;

    RealmAdmin(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        this.token = Http.adminToken(keycloak);
    }

    Http.Answer call(String method, String path, Object body) {
        return Http.admin(keycloak, token, method, path, body);
    }

    JsonNode role(String name) {
        return call("GET", "/roles/" + name, null).expect(200);
    }

    /** A user with one level role, the given attributes (region, org) and a password; returns its password. */
    String user(String username, String level, Map<String, List<String>> attributes) {
        String password = "E2e-" + UUID.randomUUID();
        call("POST", "/users", Map.of("username", username, "enabled", true, "email", username + "@e2e.rescue-force.local",
                "emailVerified", true, "firstName", "测试", "lastName", "用户", "attributes", attributes,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)))).expect(201);
        String id = call("GET", "/users?exact=true&username=" + username, null).expect(200).path(0).path("id").asText();
        call("POST", "/users/" + id + "/role-mappings/realm", List.of(role(level))).expect(204);
        return password;
    }

    /**
     * A confidential client with client credentials only whose service account has the level {@code level}; its
     * scopes and attributes as given. Returns the client's internal id.
     */
    String serviceClient(String clientId, String secret, String level, List<String> defaultScopes, Map<String, Object> extra) {
        Map<String, Object> client = new java.util.HashMap<>(Map.of("clientId", clientId, "enabled", true, "publicClient", false,
                "secret", secret, "serviceAccountsEnabled", true, "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                "fullScopeAllowed", false, "defaultClientScopes", defaultScopes));
        client.putAll(extra);
        call("POST", "/clients", client).expect(201);
        String id = call("GET", "/clients?clientId=" + clientId, null).expect(200).path(0).path("id").asText();
        String account = call("GET", "/clients/" + id + "/service-account-user", null).expect(200).path("id").asText();
        call("POST", "/users/" + account + "/role-mappings/realm", List.of(role(level))).expect(204);
        return id;
    }

    String clientScopeId(String name) {
        for (JsonNode scope : call("GET", "/client-scopes", null).expect(200)) {
            if (name.equals(scope.path("name").asText())) {
                return scope.path("id").asText();
            }
        }
        throw new IllegalStateException("no client scope " + name);
    }
}
