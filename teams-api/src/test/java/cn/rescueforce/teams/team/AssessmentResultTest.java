package cn.rescueforce.teams.team;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Consequences of finalized assessments, as assessment-api delivers them (service level, at least once). */
@QuarkusTest
class AssessmentResultTest {

    static Map<String, Object> result(String type, String grade, String validUntil) {
        Map<String, Object> body = new HashMap<>(Map.of("assessmentId", UUID.randomUUID().toString(), "assessmentType", type,
                "grade", grade, "finalizedAt", "2026-11-23T02:00:00Z", "standardCode", "MINE-RESCUE-2026"));
        if (validUntil != null) {
            body.put("validUntil", validUntil);
        }
        return body;
    }

    private static io.restassured.response.ValidatableResponse apply(String token, UUID team, Map<String, Object> result) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(result)
                .post("/api/v1/teams/" + team + "/assessment-results").then();
    }

    @Test
    void aPassedAcceptanceGradesAndDesignatesAProposedTeam() {
        UUID team = Registry.team("510000", "MINING", Registry.unit("510000"));
        apply(Tokens.service(), team, result("ACCEPTANCE", "GRADE_2", "2028-11-23")).statusCode(200)
                .body("status", equalTo("ACTIVE")).body("grade", equalTo("GRADE_2")).body("gradeValidUntil", equalTo("2028-11-23"));
    }

    @Test
    void theSameResultDeliveredTwiceIsAppliedOnce() {
        UUID team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        Map<String, Object> fail = result("PERIODIC", "FAIL", null);
        apply(Tokens.service(), team, fail).statusCode(200).body("status", equalTo("RECTIFICATION")).body("exitProposed", equalTo(false));
        apply(Tokens.service(), team, fail).statusCode(200).body("exitProposed", equalTo(false));
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team + "/status-history")
                .then().body("total", equalTo(3));
    }

    @Test
    void aReFinalizationAfterAnAppealIsANewResult() {
        UUID team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        Map<String, Object> first = result("PERIODIC", "FAIL", null);
        apply(Tokens.service(), team, first).statusCode(200).body("grade", equalTo("FAIL"));
        Map<String, Object> afterAppeal = new HashMap<>(first);
        afterAppeal.put("grade", "GRADE_3");
        afterAppeal.put("validUntil", "2028-11-23");
        afterAppeal.put("finalizedAt", "2026-11-30T02:00:00Z");
        apply(Tokens.service(), team, afterAppeal).statusCode(200).body("grade", equalTo("GRADE_3"));
        apply(Tokens.service(), team, afterAppeal).statusCode(200).body("grade", equalTo("GRADE_3"));
    }

    @Test
    void aSecondConsecutiveFailMarksTheTeamForExitReview() {
        UUID team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        apply(Tokens.service(), team, result("PERIODIC", "FAIL", null)).statusCode(200).body("status", equalTo("RECTIFICATION"));
        apply(Tokens.service(), team, result("REASSESSMENT", "FAIL", null)).statusCode(200).body("exitProposed", equalTo(true));
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team + "/status-history")
                .then().body("items.action", hasItem("EXIT_PROPOSED"));
    }

    @Test
    void aPassBetweenFailsResetsTheCount() {
        UUID team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        apply(Tokens.service(), team, result("PERIODIC", "FAIL", null)).statusCode(200);
        apply(Tokens.service(), team, result("REASSESSMENT", "GRADE_3", "2028-01-01")).statusCode(200).body("grade", equalTo("GRADE_3"));
        apply(Tokens.service(), team, result("SPOT_CHECK", "FAIL", null)).statusCode(200).body("exitProposed", equalTo(false));
    }

    @Test
    void onlyTheServiceLevelAppliesResults() {
        UUID unit = Registry.unit("510000");
        UUID team = Registry.activeTeam("510000", "MINING", unit);
        for (String token : new String[]{Tokens.national(), Tokens.provincial("510000"), Tokens.mineSafety("510000"),
                Tokens.unit(unit), Tokens.assessor(UUID.randomUUID())}) {
            apply(token, team, result("PERIODIC", "GRADE_1", "2028-11-23")).statusCode(403);
        }
        apply(Tokens.service(), UUID.randomUUID(), result("PERIODIC", "GRADE_1", "2028-11-23")).statusCode(404);
    }

    @Test
    void aPassWithoutValidityIsRejected() {
        UUID team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        apply(Tokens.service(), team, result("PERIODIC", "GRADE_1", null)).statusCode(400).body("errors.field", hasItem("validUntil"));
        apply(Tokens.service(), team, result("PERIODIC", "GRADE_9", "2028-01-01")).statusCode(400).body("errors.field", hasItem("grade"));
    }
}
