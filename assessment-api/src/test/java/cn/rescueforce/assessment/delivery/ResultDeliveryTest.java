package cn.rescueforce.assessment.delivery;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.assessment.support.Eventually;
import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A teams-api outage delays a consequence but never loses or duplicates it (the test profile retries every
 * second at most: initial backoff 0.5 s, maximum 1 s, relay every 1 s).
 */
@QuarkusTest
class ResultDeliveryTest {

    /** A few retry intervals of the test profile. */
    private static final Duration WITHIN_RETRY = Duration.ofSeconds(5);

    @InjectDouble
    TeamsApiDouble teams;

    @Test
    void aResultFinalizedWhileTeamsApiIsDownReachesTheTeamOnceWhenItIsBack() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        UUID assessment = Fixtures.submitted(team, UUID.randomUUID(), 1.0, "PERIODIC");
        teams.stop();
        try {
            given().auth().oauth2(Tokens.national()).post("/api/v1/assessments/" + assessment + "/finalization").then().statusCode(200)
                    .body("grade", equalTo("GRADE_1"))
                    .body("resultDelivery.state", equalTo("PENDING"));
            // the relay keeps trying while teams-api is down (a second attempt shows it), and the result stays queued
            Eventually.within(WITHIN_RETRY.multipliedBy(2), "a second delivery attempt while teams-api is down",
                    () -> delivery(assessment).getInt("resultDelivery.attempts") >= 2);
            given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then()
                    .body("resultDelivery.state", equalTo("PENDING"))
                    .body("resultDelivery.attempts", greaterThanOrEqualTo(1));
        } finally {
            teams.start();
        }
        assertFalse(teams.team(team).has("grade"), "no grade may reach the team while teams-api is down");
        Eventually.within(WITHIN_RETRY, "the team shows the new grade", () -> "GRADE_1".equals(teams.team(team).path("grade").asText()));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then()
                .body("resultDelivery.state", equalTo("DELIVERED"));
        // and nothing more arrives afterwards, for a few relay runs: delivered once, applied once
        Eventually.throughout(Duration.ofMillis(2500), "one delivery received by teams-api", () -> teams.received(assessment) == 1);
        assertEquals(1, teams.received(assessment), "deliveries received by teams-api");
        assertEquals(1, teams.applied(assessment), "applications of the result");
    }

    private static JsonPath delivery(UUID assessment) {
        return given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then().statusCode(200)
                .extract().jsonPath();
    }
}
