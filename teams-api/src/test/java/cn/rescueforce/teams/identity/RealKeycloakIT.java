package cn.rescueforce.teams.identity;

import cn.rescueforce.devkit.DevToken;
import cn.rescueforce.teams.support.Registry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * teams-api against a real Keycloak with the realm of k8s/: tokens of several management levels obtained the
 * way clients obtain them (password grant for the sample users, client credentials for an assessor system and
 * a service account) are accepted and scoped; expired, foreign-issuer and unfitting tokens are rejected.
 */
@QuarkusTest
@TestProfile(RealKeycloakProfile.class)
class RealKeycloakIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEV_CLIENT = "rescue-force-dev-cli";
    /** The audience the prod profile requires (the kit's default, unless the environment replaces it). */
    private static final String API_AUDIENCE = "rescue-force-api";

    private static UUID shanxiMiningTeam;

    /** A token of a sample user of the realm, by the password grant of the non-prod CLI client. */
    static String userToken(String username) {
        JsonNode user = KeycloakServer.sampleUser(username);
        String password = user.path("credentials").path(0).path("value").asText();
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", DEV_CLIENT, "username", username, "password", password))
                .post(KeycloakServer.TOKEN_URL)
                .then().statusCode(200).extract().path("access_token");
    }

    static String clientToken(String clientId, String secret) {
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret))
                .post(KeycloakServer.TOKEN_URL)
                .then().statusCode(200).extract().path("access_token");
    }

    static String adminToken() {
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", KeycloakServer.ADMIN_PASSWORD))
                .post(KeycloakServer.BASE_URL + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mining team of Shanxi (140000), registered once by the national sample user. */
    static synchronized UUID shanxiMiningTeam() {
        if (shanxiMiningTeam != null) {
            return shanxiMiningTeam;
        }
        String national = userToken("national-duty");
        String unit = given().auth().oauth2(national).contentType(ContentType.JSON).body(Registry.unitBody("140000"))
                .post("/api/v1/supporting-units").then().statusCode(201).extract().path("id");
        shanxiMiningTeam = UUID.fromString(given().auth().oauth2(national).contentType(ContentType.JSON)
                .body(Registry.teamBody("140000", "MINING", UUID.fromString(unit)))
                .post("/api/v1/teams").then().statusCode(201).extract().path("id"));
        return shanxiMiningTeam;
    }

    @Test
    void theRealmPutsExactlyOneLevelAndItsRegionOrOrgIntoTheTokens() {
        JsonNode provincial = claims(userToken("provincial-510000"));
        assertEquals(List.of("provincial"), JSON.convertValue(provincial.path("groups"), List.class));
        assertEquals("510000", provincial.path("region").asText());
        assertEquals(KeycloakServer.REALM_URL, provincial.path("iss").asText());
        assertTrue(provincial.path("aud").toString().contains("rescue-force-api"));

        JsonNode unit = claims(userToken("unit-demo"));
        assertEquals(List.of("unit"), JSON.convertValue(unit.path("groups"), List.class));
        assertEquals(KeycloakServer.sampleUser("unit-demo").path("attributes").path("org").path(0).asText(), unit.path("org").asText());
        assertTrue(unit.path("region").isMissingNode());

        JsonNode assessor = claims(clientToken("assessor-demo-system", "dev-assessor-demo-secret"));
        assertEquals(List.of("assessor"), JSON.convertValue(assessor.path("groups"), List.class));
        assertNotNull(UUID.fromString(assessor.path("org").asText()));

        JsonNode service = claims(clientToken("teams-api", KeycloakServer.placeholderValue("TEAMS_API_CLIENT_SECRET")));
        assertEquals(List.of("service"), JSON.convertValue(service.path("groups"), List.class));
    }

    @Test
    void theMobileClientHasNoPasswordGrant() {
        given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", "rescue-force-mobile", "username", "unit-demo",
                        "password", "whatever-it-is"))
                .post(KeycloakServer.TOKEN_URL)
                .then().statusCode(400).body("error", equalTo("unauthorized_client"));
    }

    @Test
    void nationalRegistersSupportingUnitsAndAUnitMayNot() {
        given().auth().oauth2(userToken("national-duty")).contentType(ContentType.JSON).body(Registry.unitBody("510000"))
                .post("/api/v1/supporting-units").then().statusCode(201);
        given().auth().oauth2(userToken("unit-demo")).contentType(ContentType.JSON).body(Registry.unitBody("510000"))
                .post("/api/v1/supporting-units").then().statusCode(403);
    }

    @Test
    void eachLevelSeesTheTeamOnlyWhereItIsInScope() {
        String team = "/api/v1/teams/" + shanxiMiningTeam();
        given().auth().oauth2(userToken("national-duty")).get(team).then().statusCode(200);
        given().auth().oauth2(userToken("provincial-140000")).get(team).then().statusCode(200);
        given().auth().oauth2(userToken("mine-safety-140000")).get(team).then().statusCode(200);
        // out of scope answers as if the team did not exist
        given().auth().oauth2(userToken("provincial-510000")).get(team).then().statusCode(404);
        given().auth().oauth2(userToken("mine-safety-510000")).get(team).then().statusCode(404);
        given().auth().oauth2(userToken("unit-demo")).get(team).then().statusCode(404);
        // an assessor system reads team summaries through assessment-api only: a level that may never read teams here
        given().auth().oauth2(clientToken("assessor-demo-system", "dev-assessor-demo-secret")).get(team).then().statusCode(403);
        // a service account of another service sees it
        given().auth().oauth2(clientToken("assessment-api", KeycloakServer.placeholderValue("ASSESSMENT_API_CLIENT_SECRET")))
                .get(team).then().statusCode(200);
    }

    @Test
    void listsHoldOnlyTeamsInScope() {
        String team = shanxiMiningTeam().toString();
        given().auth().oauth2(userToken("provincial-140000")).queryParam("size", 200).get("/api/v1/teams")
                .then().statusCode(200).body("items.id", hasItem(team));
        given().auth().oauth2(userToken("provincial-510000")).queryParam("size", 200).get("/api/v1/teams")
                .then().statusCode(200).body("items.id", not(hasItem(team)));
        given().auth().oauth2(userToken("unit-demo")).get("/api/v1/teams").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void noTokenAForeignIssuerOrATamperedTokenIs401() {
        given().get("/api/v1/teams").then().statusCode(401);
        // a real Keycloak token of another realm (master): foreign issuer and keys
        given().auth().oauth2(adminToken()).get("/api/v1/teams").then().statusCode(401);
        // the development key pair is not trusted when the realm is
        given().auth().oauth2(DevToken.level("national").subject("dev-national").sign()).get("/api/v1/teams").then().statusCode(401);
        // a realm token whose payload was changed after signing
        String[] parts = userToken("provincial-510000").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("510000", "140000");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).get("/api/v1/teams").then().statusCode(401);
    }

    @Test
    void everyLevelsTokenCarriesTheApiAudienceAndIsAccepted() {
        Map<String, String> tokens = Map.of(
                "national", userToken("national-duty"),
                "provincial", userToken("provincial-510000"),
                "mine-safety", userToken("mine-safety-510000"),
                "unit", userToken("unit-demo"),
                "assessor", clientToken("assessor-demo-system", "dev-assessor-demo-secret"),
                "service (equipment-api)", clientToken("equipment-api", KeycloakServer.placeholderValue("EQUIPMENT_API_CLIENT_SECRET")),
                "service (assessment-api)", clientToken("assessment-api", KeycloakServer.placeholderValue("ASSESSMENT_API_CLIENT_SECRET")));
        // the service runs with the prod profile's audience setting
        assertEquals(API_AUDIENCE, ConfigProvider.getConfig().getValue("quarkus.oidc.token.audience", String.class));
        tokens.forEach((level, token) -> {
            assertTrue(audiences(token).contains(API_AUDIENCE), level + " token has the audience, aud=" + claims(token).path("aud"));
            // authenticated: an assessor may not list teams here (403), every other level may
            given().auth().oauth2(token).get("/api/v1/teams").then().statusCode("assessor".equals(level) ? 403 : 200);
        });
    }

    @Test
    void aRealmTokenIssuedToAnotherClientWithoutTheApiAudienceIs401() {
        // a client of the same realm whose tokens carry a level (groups: national) but not the API audience: it
        // has no rescue-force-claims scope, only a level mapper of its own. Created through the admin API so that
        // the realm itself stays as shipped.
        String admin = adminToken();
        String clientId = "other-app-" + UUID.randomUUID().toString().substring(0, 8);
        adminApi(admin).body(Map.of("clientId", clientId, "enabled", true, "publicClient", false, "secret", "other-app-secret",
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false, "fullScopeAllowed", false,
                        "defaultClientScopes", List.of("basic"),
                        "protocolMappers", List.of(Map.of("name", "level", "protocol", "openid-connect",
                                "protocolMapper", "oidc-usermodel-realm-role-mapper",
                                "config", Map.of("claim.name", "groups", "multivalued", "true", "jsonType.label", "String",
                                        "access.token.claim", "true")))))
                .post("/clients").then().statusCode(201);
        String id = adminApi(admin).queryParam("clientId", clientId).get("/clients").then().statusCode(200).extract().path("[0].id");
        String account = adminApi(admin).get("/clients/" + id + "/service-account-user").then().statusCode(200).extract().path("id");
        Map<String, Object> national = adminApi(admin).get("/roles/national").then().statusCode(200).extract().as(Map.class);
        adminApi(admin).body(List.of(national)).post("/users/" + account + "/role-mappings/realm").then().statusCode(204);
        adminApi(admin).body(List.of(national)).post("/clients/" + id + "/scope-mappings/realm").then().statusCode(204);

        String token = clientToken(clientId, "other-app-secret");
        assertEquals(List.of("national"), JSON.convertValue(claims(token).path("groups"), List.class));
        assertEquals(KeycloakServer.REALM_URL, claims(token).path("iss").asText());
        assertFalse(audiences(token).contains(API_AUDIENCE), "aud=" + claims(token).path("aud"));
        given().auth().oauth2(token).get("/api/v1/teams").then().statusCode(401);

        // the same client once the realm's rescue-force-claims scope (and with it the audience) is given to it
        String scope = adminApi(admin).get("/client-scopes").then().statusCode(200).extract()
                .path("find { it.name == 'rescue-force-claims' }.id");
        adminApi(admin).put("/clients/" + id + "/default-client-scopes/" + scope).then().statusCode(204);
        String withAudience = clientToken(clientId, "other-app-secret");
        assertTrue(audiences(withAudience).contains(API_AUDIENCE), "aud=" + claims(withAudience).path("aud"));
        given().auth().oauth2(withAudience).get("/api/v1/teams").then().statusCode(200);
    }

    /** The token's aud claim, a string or an array. */
    static List<String> audiences(String jwt) {
        JsonNode aud = claims(jwt).path("aud");
        if (aud.isTextual()) {
            return List.of(aud.asText());
        }
        List<String> all = new java.util.ArrayList<>();
        aud.forEach(value -> all.add(value.asText()));
        return all;
    }

    @Test
    void anExpiredRealmTokenIs401() {
        // a client whose tokens live 2 s, created through the admin API so that the realm itself stays as shipped
        String admin = adminToken();
        String clientId = "expiry-probe-" + UUID.randomUUID().toString().substring(0, 8);
        adminApi(admin).body(Map.of("clientId", clientId, "enabled", true, "publicClient", false, "secret", "expiry-probe-secret",
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false, "fullScopeAllowed", false,
                        "defaultClientScopes", List.of("basic", "rescue-force-claims"),
                        "attributes", Map.of("access.token.lifespan", "2")))
                .post("/clients").then().statusCode(201);
        String id = adminApi(admin).queryParam("clientId", clientId).get("/clients").then().statusCode(200).extract().path("[0].id");
        String account = adminApi(admin).get("/clients/" + id + "/service-account-user").then().statusCode(200).extract().path("id");
        Map<String, Object> national = adminApi(admin).get("/roles/national").then().statusCode(200).extract().as(Map.class);
        adminApi(admin).body(List.of(national)).post("/users/" + account + "/role-mappings/realm").then().statusCode(204);

        String token = clientToken(clientId, "expiry-probe-secret");
        given().auth().oauth2(token).get("/api/v1/teams").then().statusCode(200);
        long expiresAt = claims(token).path("exp").asLong();
        while (Instant.now().getEpochSecond() <= expiresAt + 1) {
            KeycloakServer.sleep(500);
        }
        given().auth().oauth2(token).get("/api/v1/teams").then().statusCode(401);
    }

    @Test
    void aProvincialUserWithoutRegionIs401() {
        // an administrator's mistake: the level role without the region it needs
        String admin = adminToken();
        String username = "provincial-without-region-" + UUID.randomUUID().toString().substring(0, 8);
        String password = "It-Password-" + UUID.randomUUID();
        adminApi(admin).body(Map.of("username", username, "enabled", true, "email", username + "@it.rescue-force.local",
                        "emailVerified", true, "firstName", "无", "lastName", "地区",
                        "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))))
                .post("/users").then().statusCode(201);
        String user = adminApi(admin).queryParam("username", username).queryParam("exact", true).get("/users")
                .then().statusCode(200).extract().path("[0].id");
        Map<String, Object> provincial = adminApi(admin).get("/roles/provincial").then().statusCode(200).extract().as(Map.class);
        adminApi(admin).body(List.of(provincial)).post("/users/" + user + "/role-mappings/realm").then().statusCode(204);

        String token = given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "password", "client_id", DEV_CLIENT, "username", username, "password", password))
                .post(KeycloakServer.TOKEN_URL).then().statusCode(200).extract().path("access_token");
        assertFalse(claims(token).has("region"));
        given().auth().oauth2(token).get("/api/v1/teams").then().statusCode(401);
    }

    private static io.restassured.specification.RequestSpecification adminApi(String adminToken) {
        return given().baseUri(KeycloakServer.BASE_URL).port(8180).basePath("/admin/realms/rescue-force")
                .auth().oauth2(adminToken).contentType(ContentType.JSON);
    }
}
