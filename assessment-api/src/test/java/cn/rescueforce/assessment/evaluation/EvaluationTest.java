package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.assessment.support.EquipmentApiDouble;
import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.assessment.support.Fixtures.MINING_STANDARD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class EvaluationTest {

    @InjectDouble
    TeamsApiDouble teams;

    @InjectDouble
    EquipmentApiDouble equipment;

    private UUID scheduled(UUID assessor) {
        return Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> score(Map<String, Object> evaluation, String code) {
        return ((List<Map<String, Object>>) evaluation.get("scores")).stream()
                .filter(s -> s.get("indicatorCode").equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theAssignedAssessorSubmitsAndTheEquipmentIndicatorComesFromTheComplianceReport() {
        UUID assessor = UUID.randomUUID();
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        equipment.compliance(team, 85.0);
        UUID assessment = Fixtures.schedule(team, assessor);
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(Fixtures.evaluation(MINING_STANDARD, 1.0))
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("equipment.indicatorCode", equalTo("MR-EQP-1"))
                .body("equipment.compliancePercent", equalTo(85.0f))
                .body("equipment.score", equalTo(17.0f))
                .body("equipment.configurationVersion", equalTo(3))
                .body("totalScore", equalTo(97.0f))
                .body("indicatedGrade", equalTo("GRADE_1"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then()
                .body("status", equalTo("SUBMITTED"));
        // the figure stays as it was at submission, whatever the report says later
        equipment.compliance(team, 10.0);
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).get("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(404);
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(200)
                .body("equipment.compliancePercent", equalTo(85.0f));
    }

    @Test
    void anAssessorNotAssignedSeesNoSuchAssessmentAndOtherLevelsMayNotSubmit() {
        UUID assessment = scheduled(UUID.randomUUID());
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).contentType(ContentType.JSON).body(Fixtures.evaluation(MINING_STANDARD, 1.0))
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(404)
                .body("type", equalTo("https://rescue-force.cn/problems/not-found"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Fixtures.evaluation(MINING_STANDARD, 1.0))
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Fixtures.evaluation(MINING_STANDARD, 1.0))
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEvaluationThatDoesNotFitTheStandardIsRejectedNamingEachBadIndicator() {
        UUID assessor = UUID.randomUUID();
        UUID assessment = scheduled(assessor);
        Map<String, Object> evaluation = Fixtures.evaluation(MINING_STANDARD, 1.0);
        List<Map<String, Object>> scores = new ArrayList<>((List<Map<String, Object>>) evaluation.get("scores"));
        scores.removeIf(s -> s.get("indicatorCode").equals("MR-SAF-1"));
        score(evaluation, "MR-TRN-1").put("score", 15);
        score(evaluation, "MR-TEC-1").put("score", -1);
        score(evaluation, "MR-TEC-2").put("vetoTriggered", true);
        // an indicator requiring evidence may be submitted without it (FinalizationEvidence: the finalization refuses it)
        score(evaluation, "MR-DUT-2").remove("evidence");
        scores.add(new HashMap<>(Map.of("indicatorCode", "MR-XYZ-9", "score", 3)));
        scores.add(new HashMap<>(Map.of("indicatorCode", "MR-EQP-1", "score", 20)));
        evaluation.put("scores", scores);
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(evaluation)
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("errors.field", containsInAnyOrder("scores[MR-SAF-1]", "scores[MR-TRN-1].score", "scores[MR-TEC-1].score",
                        "scores[MR-TEC-2].vetoTriggered", "scores[MR-XYZ-9].indicatorCode", "scores[MR-EQP-1]"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then().body("status", equalTo("SCHEDULED"));
    }

    @Test
    void sendingTheSameEvaluationAgainChangesNothingAndACorrectionNeedsTheETag() {
        UUID assessor = UUID.randomUUID();
        UUID assessment = scheduled(assessor);
        Map<String, Object> evaluation = Fixtures.evaluation(MINING_STANDARD, 0.8);
        String path = "/api/v1/assessments/" + assessment + "/evaluation";
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(evaluation).put(path)
                .then().statusCode(200).header("ETag", "\"0\"");
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(evaluation).put(path)
                .then().statusCode(200).header("ETag", "\"0\"");
        score(evaluation, "MR-TRN-1").put("score", 10);
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(evaluation).put(path)
                .then().statusCode(428);
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(evaluation).put(path)
                .then().statusCode(412);
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(evaluation).put(path)
                .then().statusCode(200).header("ETag", "\"1\"").body("totalScore", equalTo(85.0f));
    }

    @Test
    void aFinalizedEvaluationCanNoLongerBeCorrected() {
        UUID assessor = UUID.randomUUID();
        UUID assessment = Fixtures.submitted(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor, 0.8, "PERIODIC");
        given().auth().oauth2(Tokens.national()).post("/api/v1/assessments/" + assessment + "/finalization").then().statusCode(200);
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.evaluation(MINING_STANDARD, 1.0))
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/invalid-transition"));
    }

    @Test
    void withEquipmentApiDownTheSubmissionIsRefusedWith503AndNothingIsStored() {
        UUID assessor = UUID.randomUUID();
        UUID assessment = scheduled(assessor);
        equipment.stop();
        try {
            given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(Fixtures.evaluation(MINING_STANDARD, 1.0))
                    .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(503)
                    .body("type", equalTo("https://rescue-force.cn/problems/dependency-unavailable"));
        } finally {
            equipment.start();
        }
        given().auth().oauth2(Tokens.assessor(assessor)).get("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(404);
    }

    @Test
    void aScoreOfTheWrongTypeIsA400NamingTheField() {
        UUID assessor = UUID.randomUUID();
        UUID assessment = scheduled(assessor);
        Map<String, Object> evaluation = Fixtures.evaluation(MINING_STANDARD, 1.0);
        score(evaluation, "MR-TRN-1").put("score", "ten");
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(evaluation)
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("score")));
    }
}
