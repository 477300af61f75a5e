package cn.rescueforce.assessment.assessment;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.assessment.support.Eventually;
import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.assessment.support.Fixtures.MINING_STANDARD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class FinalizationTest {

    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);

    @InjectDouble
    TeamsApiDouble teams;

    private static String finalizationPath(UUID assessment) {
        return "/api/v1/assessments/" + assessment + "/finalization";
    }

    @Test
    void nationalFinalizesAGrade1AndTheTeamGetsItsGradeAndValidity() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        UUID assessment = Fixtures.submitted(team, UUID.randomUUID(), 1.0, "PERIODIC");
        String validUntil = LocalDate.now(ZoneOffset.UTC).plusMonths(24).toString();
        given().auth().oauth2(Tokens.national()).post(finalizationPath(assessment)).then().statusCode(200)
                .body("status", equalTo("FINALIZED"))
                .body("grade", equalTo("GRADE_1"))
                .body("totalScore", equalTo(99.0f))
                .body("vetoTriggered", equalTo(false))
                .body("validUntil", equalTo(validUntil))
                .body("finalizedByLevel", equalTo("NATIONAL"));
        // the double counts an applied result just after it changed the team: wait for both
        Eventually.within(RETRY_INTERVAL, "team graded in teams-api",
                () -> "GRADE_1".equals(teams.team(team).path("grade").asText()) && teams.applied(assessment) == 1);
        assertEquals(validUntil, teams.team(team).path("gradeValidUntil").asText());
        assertEquals(1, teams.applied(assessment));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then()
                .body("resultDelivery.state", equalTo("DELIVERED"));
    }

    @Test
    void aProvinceMayNotFinalizeAGrade1ButMayFinalizeAGrade2() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        UUID grade1 = Fixtures.submitted(team, UUID.randomUUID(), 1.0, "PERIODIC");
        given().auth().oauth2(Tokens.provincial("510000")).post(finalizationPath(grade1)).then().statusCode(403)
                .body("type", equalTo("https://rescue-force.cn/problems/forbidden"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + grade1).then().body("status", equalTo("SUBMITTED"));
        UUID grade2 = Fixtures.submitted(team, UUID.randomUUID(), 0.8, "PERIODIC");
        given().auth().oauth2(Tokens.provincial("510000")).post(finalizationPath(grade2)).then().statusCode(200)
                .body("grade", equalTo("GRADE_2")).body("finalizedByLevel", equalTo("PROVINCIAL"));
    }

    @Test
    void mineSafetyFinalizesAGrade3OfAMiningTeamOfItsProvinceOnly() {
        UUID team = teams.addTeam("140000", "MINING", UUID.randomUUID());
        UUID assessment = Fixtures.submitted(team, UUID.randomUUID(), 0.7, "PERIODIC");
        given().auth().oauth2(Tokens.mineSafety("510000")).post(finalizationPath(assessment)).then().statusCode(404);
        given().auth().oauth2(Tokens.provincial("510000")).post(finalizationPath(assessment)).then().statusCode(404);
        for (String token : List.of(Tokens.unit(UUID.randomUUID()), Tokens.assessor(UUID.randomUUID()), Tokens.service())) {
            given().auth().oauth2(token).post(finalizationPath(assessment)).then().statusCode(403);
        }
        given().auth().oauth2(Tokens.mineSafety("140000")).post(finalizationPath(assessment)).then().statusCode(200)
                .body("grade", equalTo("GRADE_3"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTriggeredVetoFailsWhateverTheTotalAndPutsTheTeamInRectification() {
        UUID assessor = UUID.randomUUID();
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        UUID assessment = Fixtures.schedule(team, assessor);
        Map<String, Object> evaluation = Fixtures.evaluation(MINING_STANDARD, 1.0);
        ((List<Map<String, Object>>) evaluation.get("scores")).stream().filter(s -> s.get("indicatorCode").equals("MR-DUT-1"))
                .findFirst().orElseThrow().put("vetoTriggered", true);
        Fixtures.submit(assessment, assessor, evaluation);
        given().auth().oauth2(Tokens.provincial("510000")).post(finalizationPath(assessment)).then().statusCode(200)
                .body("grade", equalTo("FAIL")).body("vetoTriggered", equalTo(true)).body("totalScore", equalTo(99.0f));
        Eventually.within(RETRY_INTERVAL, "team in rectification", () -> "RECTIFICATION".equals(teams.team(team).path("status").asText()));
    }

    @Test
    void aSecondConsecutiveFailFlagsTheTeamForExitReview() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        UUID first = Fixtures.submitted(team, UUID.randomUUID(), 0.5, "PERIODIC");
        given().auth().oauth2(Tokens.national()).post(finalizationPath(first)).then().statusCode(200).body("grade", equalTo("FAIL"))
                .body("validUntil", org.hamcrest.Matchers.nullValue());
        Eventually.within(RETRY_INTERVAL, "first fail applied", () -> teams.applied(first) == 1);
        UUID second = Fixtures.submitted(team, UUID.randomUUID(), 0.5, "REASSESSMENT");
        given().auth().oauth2(Tokens.national()).post(finalizationPath(second)).then().statusCode(200).body("grade", equalTo("FAIL"));
        Eventually.within(RETRY_INTERVAL, "exit review flagged", () -> teams.team(team).path("exitProposed").asBoolean());
    }

    @Test
    void aPassedAcceptanceDesignatesAProposedTeam() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID(), "PROPOSED");
        UUID assessment = Fixtures.submitted(team, UUID.randomUUID(), 0.8, "ACCEPTANCE");
        given().auth().oauth2(Tokens.national()).post(finalizationPath(assessment)).then().statusCode(200).body("grade", equalTo("GRADE_2"));
        Eventually.within(RETRY_INTERVAL, "team designated", () -> "ACTIVE".equals(teams.team(team).path("status").asText()));
        assertEquals("GRADE_2", teams.team(team).path("grade").asText());
    }

    @Test
    void onlyASubmittedAssessmentIsFinalized() {
        UUID assessment = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), UUID.randomUUID());
        given().auth().oauth2(Tokens.national()).post(finalizationPath(assessment)).then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/invalid-transition"));
        given().auth().oauth2(Tokens.national()).post(finalizationPath(UUID.randomUUID())).then().statusCode(404);
        given().auth().oauth2(Tokens.national()).post("/api/v1/assessments/not-a-uuid/finalization").then().statusCode(400);
    }

    @Test
    void theHostingUnitAppealsOnceAndTheAssessmentIsReviewedAgain() {
        UUID unit = UUID.randomUUID();
        UUID assessor = UUID.randomUUID();
        UUID team = teams.addTeam("510000", "MINING", unit);
        UUID assessment = Fixtures.submitted(team, assessor, 0.7, "PERIODIC");
        given().auth().oauth2(Tokens.national()).post(finalizationPath(assessment)).then().statusCode(200).body("grade", equalTo("GRADE_3"));
        String appeal = "/api/v1/assessments/" + assessment + "/appeal";
        Map<String, String> reason = Map.of("reason", "装备指标取数时两台呼吸器正在送检，申请复核");
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).contentType(ContentType.JSON).body(reason).post(appeal).then().statusCode(404);
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON).body(reason).post(appeal).then().statusCode(403);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(reason).post(appeal).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("appeal.reason", equalTo(reason.get("reason")));
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.evaluation(MINING_STANDARD, 0.8))
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(200);
        given().auth().oauth2(Tokens.provincial("510000")).post(finalizationPath(assessment)).then().statusCode(200)
                .body("grade", equalTo("GRADE_2"));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(reason).post(appeal).then().statusCode(409);
    }
}
