package cn.rescueforce.equipment.teams;

import cn.rescueforce.devkit.testing.ServiceAccountTokens;
import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import cn.rescueforce.equipment.support.Teams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * equipment-api asks teams-api (here its double, over real HTTP) about teams, with its service account's token
 * obtained by client credentials from the test token endpoint (devkit ServiceAccountTokens).
 */
@QuarkusTest
class TeamsApiLookupTest {

    @Test
    void aTeamIsLookedUpOnceAndThenServedFromTheCache() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team.id() + "/equipment").then().statusCode(200);
        }
        assertEquals(1, Teams.lookups(team.id()));
    }

    @Test
    void whenTeamsApiIsUnreachableTheAnswerIs503AndNothingChanges() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        Teams.outage();
        try {
            given().auth().oauth2(Tokens.unit(team.unitId())).contentType(ContentType.JSON).body(Fixtures.itemBody("RESP-SCBA-4H", "2024-01-10"))
                    .post("/api/v1/teams/" + team.id() + "/equipment").then().statusCode(503)
                    .contentType("application/problem+json")
                    .body("type", equalTo(PROBLEMS + "dependency-unavailable"));
            given().auth().oauth2(Tokens.service()).get("/api/v1/teams/" + team.id() + "/compliance").then().statusCode(503)
                    .body("type", equalTo(PROBLEMS + "dependency-unavailable"));
        } finally {
            Teams.restore();
        }
        given().auth().oauth2(Tokens.unit(team.unitId())).get("/api/v1/teams/" + team.id() + "/equipment")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aTeamRegisteredAfterAFailedLookupIsFoundAtOnce() {
        java.util.UUID id = java.util.UUID.randomUUID();
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + id + "/equipment").then().statusCode(404);
        assertEquals(1, Teams.lookups(id));
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + id + "/equipment").then().statusCode(404);
        assertEquals(2, Teams.lookups(id), "a missing team is not cached");
    }

    @Test
    void theServiceAccountTokenIsObtainedOnceAndReusedForEveryCall() {
        for (int i = 0; i < 3; i++) {
            Teams.Team team = Teams.team("510000", Teams.MINING);
            given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team.id() + "/equipment").then().statusCode(200);
        }
        assertEquals(1, ServiceAccountTokens.issued(), "tokens issued to equipment-api's service account in this run");
    }
}
