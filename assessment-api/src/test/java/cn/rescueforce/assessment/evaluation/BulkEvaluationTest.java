package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.assessment.support.Fixtures.MINING_STANDARD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class BulkEvaluationTest {

    @InjectDouble
    TeamsApiDouble teams;

    @Test
    @SuppressWarnings("unchecked")
    void aBatchAppliesTheValidEvaluationsAndReportsEachRejectedOne() {
        UUID assessor = UUID.randomUUID();
        UUID first = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor);
        UUID second = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor);
        UUID notMine = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), UUID.randomUUID());
        Map<String, Object> bad = Fixtures.evaluation(MINING_STANDARD, 1.0);
        ((List<Map<String, Object>>) bad.get("scores")).stream().filter(s -> s.get("indicatorCode").equals("MR-MGT-2"))
                .findFirst().orElseThrow().put("score", 6);
        Map<String, Object> batch = Map.of("items", List.of(
                Map.of("assessmentId", first.toString(), "evaluation", Fixtures.evaluation(MINING_STANDARD, 1.0)),
                Map.of("assessmentId", second.toString(), "evaluation", bad),
                Map.of("assessmentId", notMine.toString(), "evaluation", Fixtures.evaluation(MINING_STANDARD, 1.0))));
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).body(batch)
                .post("/api/v1/evaluations/bulk").then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(2))
                .body("results[0].outcome", equalTo("ACCEPTED")).body("results[0].evaluationVersion", equalTo(0))
                .body("results[1].outcome", equalTo("REJECTED")).body("results[1].status", equalTo(400))
                .body("results[1].problem.type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("results[1].problem.errors.field", hasItem("scores[MR-MGT-2].score"))
                .body("results[2].status", equalTo(404));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + first).then().body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + second).then().body("status", equalTo("SCHEDULED"));
    }

    @Test
    void onlyAssessorsSubmitBatches() {
        Map<String, Object> batch = Map.of("items", List.of(
                Map.of("assessmentId", UUID.randomUUID().toString(), "evaluation", Map.of("scores", List.of()))));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(batch)
                .post("/api/v1/evaluations/bulk").then().statusCode(403);
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).contentType(ContentType.JSON).body(Map.of("items", List.of()))
                .post("/api/v1/evaluations/bulk").then().statusCode(400).body("errors.field", hasItem("items"));
    }
}
