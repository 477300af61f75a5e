package cn.rescueforce.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tokens of every level, obtained from the realm of k8s/ the way clients obtain them (password grant for the sample
 * users, client credentials for an assessor system and the services' accounts), carry one level and its region or
 * org and the API audience, and every service accepts them and scopes what they see.
 * (Runs first: {@link ClassOrderer.OrderAnnotation}, see junit-platform.properties.)
 */
@Order(1)
@ExtendWith(Suite.Extension.class)
class IdentityIT {

    static final String API_AUDIENCE = "rescue-force-api";
    private static Suite suite;
    private static String shanxiMiningTeam;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    static String user(String username) {
        return Http.userToken(suite.keycloak, username);
    }

    static String assessorSystem() {
        return Http.clientToken(suite.keycloak.tokenUrl(), "assessor-demo-system", "dev-assessor-demo-secret");
    }

    /** The token of a service's own account, with the secret its Deployment is given (Secret keycloak-client-secrets). */
    static String serviceAccount(String service) {
        return Http.clientToken(suite.keycloak.tokenUrl(), service, suite.secrets.value("keycloak-client-secrets", service));
    }

    static String teams() {
        return suite.service("teams-api").url();
    }

    /** A mining team of Shanxi (140000), registered once by the national sample user. */
    static synchronized String shanxiMiningTeam() {
        if (shanxiMiningTeam == null) {
            String national = user("national-duty");
            String unit = Http.call("POST", teams() + "/api/v1/supporting-units", national, Bodies.unit("140000")).expect(201).path("id").asText();
            shanxiMiningTeam = Http.call("POST", teams() + "/api/v1/teams", national, Bodies.team("140000", unit)).expect(201).path("id").asText();
        }
        return shanxiMiningTeam;
    }

    @Test
    void theRealmPutsExactlyOneLevelAndItsRegionOrOrgIntoTheTokens() {
        JsonNode national = Http.claims(user("national-duty"));
        assertEquals(List.of("national"), Http.groups(user("national-duty")));
        assertTrue(national.path("region").isMissingNode() && national.path("org").isMissingNode(), national.toString());

        String provincialToken = user("provincial-510000");
        JsonNode provincial = Http.claims(provincialToken);
        assertEquals(List.of("provincial"), Http.groups(provincialToken));
        assertEquals("510000", provincial.path("region").asText());
        assertEquals(suite.keycloak.realmUrl(), provincial.path("iss").asText());
        assertTrue(Http.audiences(provincialToken).contains(API_AUDIENCE));

        String mineSafety = user("mine-safety-140000");
        assertEquals(List.of("mine-safety"), Http.groups(mineSafety));
        assertEquals("140000", Http.claims(mineSafety).path("region").asText());

        String unit = user("unit-demo");
        assertEquals(List.of("unit"), Http.groups(unit));
        assertEquals(KeycloakServer.sampleUser("unit-demo").path("attributes").path("org").path(0).asText(), Http.claims(unit).path("org").asText());
        assertTrue(Http.claims(unit).path("region").isMissingNode());

        String assessorPerson = user("assessor-demo");
        assertEquals(List.of("assessor"), Http.groups(assessorPerson));
        String assessor = assessorSystem();
        assertEquals(List.of("assessor"), Http.groups(assessor));
        assertNotNull(UUID.fromString(Http.claims(assessor).path("org").asText()));

        for (String service : Repo.SERVICES) {
            assertEquals(List.of("service"), Http.groups(serviceAccount(service)), service);
        }
    }

    @Test
    void theMobileClientHasNoPasswordGrant() {
        JsonNode error = Http.form(suite.keycloak.tokenUrl(), Map.of("grant_type", "password", "client_id", "rescue-force-mobile",
                "username", "unit-demo", "password", "whatever-it-is")).expect(400);
        assertEquals("unauthorized_client", error.path("error").asText());
    }

    @Test
    void aServiceAccountWithAWrongSecretGetsNoToken() {
        Http.Answer answer = Http.form(suite.keycloak.tokenUrl(), Map.of("grant_type", "client_credentials",
                "client_id", "equipment-api", "client_secret", "not-the-secret"));
        assertEquals(401, answer.status(), answer.body());
    }

    @Test
    void nationalRegistersSupportingUnitsAndAUnitMayNot() {
        Http.call("POST", teams() + "/api/v1/supporting-units", user("national-duty"), Bodies.unit("510000")).expect(201);
        Http.call("POST", teams() + "/api/v1/supporting-units", user("unit-demo"), Bodies.unit("510000")).expect(403);
    }

    @Test
    void eachLevelSeesTheTeamOnlyWhereItIsInScope() {
        String team = teams() + "/api/v1/teams/" + shanxiMiningTeam();
        Http.get(team, user("national-duty")).expect(200);
        Http.get(team, user("provincial-140000")).expect(200);
        Http.get(team, user("mine-safety-140000")).expect(200);
        // out of scope answers as if the team did not exist
        Http.get(team, user("provincial-510000")).expect(404);
        Http.get(team, user("mine-safety-510000")).expect(404);
        Http.get(team, user("unit-demo")).expect(404);
        // an assessor reads team summaries through assessment-api only: a level that may never read teams here
        Http.get(team, assessorSystem()).expect(403);
        Http.get(team, user("assessor-demo")).expect(403);
        // the service accounts of the services that call teams-api see it
        Http.get(team, serviceAccount("assessment-api")).expect(200);
        Http.get(team, serviceAccount("equipment-api")).expect(200);
    }

    @Test
    void listsHoldOnlyTeamsInScope() {
        String team = shanxiMiningTeam();
        assertTrue(ids(Http.get(teams() + "/api/v1/teams?size=200", user("provincial-140000")).expect(200)).contains(team));
        assertFalse(ids(Http.get(teams() + "/api/v1/teams?size=200", user("provincial-510000")).expect(200)).contains(team));
        assertEquals(0, Http.get(teams() + "/api/v1/teams", user("unit-demo")).expect(200).path("total").asInt());
    }

    @Test
    void everyServiceAcceptsTheTokensOfEveryLevel() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("national", user("national-duty"));
        tokens.put("provincial", user("provincial-510000"));
        tokens.put("mine-safety", user("mine-safety-510000"));
        tokens.put("unit", user("unit-demo"));
        tokens.put("assessor (person)", user("assessor-demo"));
        tokens.put("assessor (system)", assessorSystem());
        for (String service : Repo.SERVICES) {
            tokens.put("service (" + service + ")", serviceAccount(service));
        }
        tokens.forEach((level, token) -> {
            assertTrue(Http.audiences(token).contains(API_AUDIENCE), level + " token has the audience, aud=" + Http.claims(token).path("aud"));
            for (String service : Repo.SERVICES) {
                Http.Answer answer = Http.get(suite.service(service).url() + RejectedTokensIT.PROBE.get(service), token);
                // authenticated: 200, or 403 where the level may not read this (an assessor on teams-api); never 401
                assertNotEquals(401, answer.status(), level + " on " + service + ": " + answer.body());
                assertTrue(answer.status() == 200 || answer.status() == 403, level + " on " + service + ": " + answer.status() + " " + answer.body());
            }
        });
        // the level decides: national reads everywhere
        for (String service : Repo.SERVICES) {
            Http.get(suite.service(service).url() + RejectedTokensIT.PROBE.get(service), tokens.get("national")).expect(200);
        }
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }
}
