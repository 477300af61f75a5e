package cn.rescueforce.e2e;

import cn.rescueforce.devkit.DevToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every service, as deployed, refuses (401) what is not a valid token of its realm for the API: no token, a token of
 * another realm (the master realm, and a second realm with the same clients, levels and audience), a token signed
 * with the development key, a realm token whose payload was changed, a realm token without the API audience, an
 * expired realm token, and a token whose level lacks the region it needs. Each refusal has an accepted counterpart,
 * so that a 401 means the token, not the request.
 */
@Order(3)
@ExtendWith(Suite.Extension.class)
class RejectedTokensIT {

    /** A read every level but the assessor may make on each service (GET, no side effects). */
    static final Map<String, String> PROBE = Map.of(
            "teams-api", "/api/v1/teams",
            "equipment-api", "/api/v1/equipment-types",
            "assessment-api", "/api/v1/standards");

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    private static Http.Answer probe(String service, String token) {
        return Http.get(suite.service(service).url() + PROBE.get(service), token);
    }

    private static void everyServiceAnswers(int status, String token, String what) {
        for (String service : Repo.SERVICES) {
            Http.Answer answer = probe(service, token);
            assertEquals(status, answer.status(), what + " on " + service + ": " + answer.body());
        }
    }

    @Test
    void noToken() {
        everyServiceAnswers(401, null, "no token");
    }

    @Test
    void aTokenOfTheMasterRealm() {
        everyServiceAnswers(401, Http.adminToken(suite.keycloak), "the master realm's administrator");
    }

    @Test
    void aTokenOfAnotherRealmWithTheSameLevelAndAudience() {
        String password = KeycloakServer.sampleUser("national-duty").path("credentials").path(0).path("value").asText();
        String foreign = Http.passwordToken(suite.keycloak.baseUrl() + "/realms/" + KeycloakServer.FOREIGN_REALM + "/protocol/openid-connect/token",
                "national-duty", password);
        assertEquals(List.of("national"), Http.groups(foreign));
        assertTrue(Http.audiences(foreign).contains(IdentityIT.API_AUDIENCE));
        assertNotEquals(suite.keycloak.realmUrl(), Http.claims(foreign).path("iss").asText());
        everyServiceAnswers(401, foreign, "a national token of realm " + KeycloakServer.FOREIGN_REALM);
        everyServiceAnswers(200, IdentityIT.user("national-duty"), "the same user's token of the realm");
    }

    @Test
    void aTokenSignedWithTheDevelopmentKey() {
        // the key pair dev, local and test trust; prod trusts only the realm's keys
        everyServiceAnswers(401, DevToken.level("national").subject("dev-national").sign(), "a development token");
    }

    @Test
    void aRealmTokenWhosePayloadWasChanged() {
        String[] parts = IdentityIT.user("provincial-510000").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("510000", "140000");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        everyServiceAnswers(401, forged, "a token with a changed region");
        // and a signature that is not the realm's: the signature of another token
        String other = IdentityIT.user("national-duty").split("\\.")[2];
        everyServiceAnswers(401, parts[0] + "." + parts[1] + "." + other, "a token with another token's signature");
    }

    @Test
    void aRealmTokenIssuedToAClientWithoutTheApiAudience() {
        // a client of the same realm whose tokens carry a level (groups: national) but not the API audience: no
        // rescue-force-claims scope, only a level mapper of its own
        RealmAdmin admin = new RealmAdmin(suite.keycloak);
        String clientId = "other-app-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = ClusterSecrets.random();
        suite.secrets.set("test-clients", clientId, secret);
        String id = admin.serviceClient(clientId, secret, "national", List.of("basic"), Map.of(
                "protocolMappers", List.of(Map.of("name", "level", "protocol", "openid-connect",
                        "protocolMapper", "oidc-usermodel-realm-role-mapper",
                        "config", Map.of("claim.name", "groups", "multivalued", "true", "jsonType.label", "String",
                                "access.token.claim", "true")))));
        admin.call("POST", "/clients/" + id + "/scope-mappings/realm", List.of(admin.role("national"))).expect(204);

        String token = Http.clientToken(suite.keycloak.tokenUrl(), clientId, secret);
        assertEquals(List.of("national"), Http.groups(token));
        assertEquals(suite.keycloak.realmUrl(), Http.claims(token).path("iss").asText());
        assertFalse(Http.audiences(token).contains(IdentityIT.API_AUDIENCE), "aud=" + Http.claims(token).path("aud"));
        everyServiceAnswers(401, token, "a national token without the API audience");

        // the same client once the realm's rescue-force-claims scope (and with it the audience) is given to it
        admin.call("PUT", "/clients/" + id + "/default-client-scopes/" + admin.clientScopeId("rescue-force-claims"), null).expect(204);
        String withAudience = Http.clientToken(suite.keycloak.tokenUrl(), clientId, secret);
        assertTrue(Http.audiences(withAudience).contains(IdentityIT.API_AUDIENCE), "aud=" + Http.claims(withAudience).path("aud"));
        everyServiceAnswers(200, withAudience, "the same client's token with the audience");
    }

    @Test
    void anExpiredRealmToken() {
        // a client whose tokens live 4 s
        RealmAdmin admin = new RealmAdmin(suite.keycloak);
        String clientId = "expiry-probe-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = ClusterSecrets.random();
        suite.secrets.set("test-clients", clientId, secret);
        admin.serviceClient(clientId, secret, "national", List.of("basic", "rescue-force-claims"),
                Map.of("attributes", Map.of("access.token.lifespan", "4")));

        String token = Http.clientToken(suite.keycloak.tokenUrl(), clientId, secret);
        long expiresAt = Http.claims(token).path("exp").asLong();
        // accepted while valid, by whichever service answers in time (the lifespan is short)
        assertEquals(200, probe("teams-api", token).status());
        while (Instant.now().getEpochSecond() <= expiresAt + 1) {
            Processes.sleep(250);
        }
        everyServiceAnswers(401, token, "an expired token");
    }

    @Test
    void aProvincialUserWithoutRegion() {
        // an administrator's mistake: the level role without the region it needs
        RealmAdmin admin = new RealmAdmin(suite.keycloak);
        String username = "provincial-without-region-" + UUID.randomUUID().toString().substring(0, 8);
        String password = admin.user(username, "provincial", Map.of());
        suite.secrets.set("test-users", username, password);
        String token = Http.passwordToken(suite.keycloak.tokenUrl(), username, password);
        assertEquals(List.of("provincial"), Http.groups(token));
        assertFalse(Http.claims(token).has("region"));
        everyServiceAnswers(401, token, "a provincial token without region");
    }
}
