package cn.rescueforce.assessment.retry;

import cn.rescueforce.assessment.support.Eventually;
import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.AtOnce;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import cn.rescueforce.devkit.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.assessment.support.Fixtures.MINING_STANDARD;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The state-changing POSTs of assessment-api are safe to retry with an Idempotency-Key (openapi/common.yaml,
 * IdempotencyKey): a replay is the first answer, never a 409; the key with another body or target is a 422; one key
 * sent 20 times at once has one effect. Finalization pins the evaluation it was decided on with If-Match.
 */
@QuarkusTest
class SafeRetryTest {

    private static final String PROBLEMS = "https://rescue-force.cn/problems/";
    private static final String KEY_REUSED = PROBLEMS + "idempotency-key-reused";
    private static final Duration DELIVERY = Duration.ofSeconds(10);

    @InjectDouble
    TeamsApiDouble teams;

    @Test
    void aRepeatedPublicationAnswersTheFirstOneAndTheKeyOnAnotherStandardIs422() {
        UUID standard = Fixtures.draftStandard();
        UUID other = Fixtures.draftStandard();
        String key = UUID.randomUUID().toString();
        Response first = post(Tokens.national(), standardStep(standard, "publication"), key, null, null);
        first.then().statusCode(200).header("Idempotent-Replayed", nullValue()).body("status", equalTo("PUBLISHED"));

        assertReplays(first, post(Tokens.national(), standardStep(standard, "publication"), key, null, null));
        post(Tokens.national(), standardStep(other, "publication"), key, null, null).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(KEY_REUSED));
        standardStatus(other, "DRAFT");
        auditActions("Standard", standard, "PUBLISHED", 1);
        // without the key a repeated publication is what it always was: not allowed from PUBLISHED
        post(Tokens.national(), standardStep(standard, "publication"), null, null, null).then().statusCode(409);
    }

    @Test
    void aRepeatedRetirementAnswersTheFirstOneAndTheKeyOnAnotherStandardIs422() {
        UUID standard = Fixtures.draftStandard();
        UUID other = Fixtures.draftStandard();
        post(Tokens.national(), standardStep(standard, "publication"), null, null, null).then().statusCode(200);
        post(Tokens.national(), standardStep(other, "publication"), null, null, null).then().statusCode(200);
        String key = UUID.randomUUID().toString();
        Response first = post(Tokens.national(), standardStep(standard, "retirement"), key, null, null);
        first.then().statusCode(200).body("status", equalTo("RETIRED"));

        assertReplays(first, post(Tokens.national(), standardStep(standard, "retirement"), key, null, null));
        post(Tokens.national(), standardStep(other, "retirement"), key, null, null).then().statusCode(422)
                .body("type", equalTo(KEY_REUSED));
        standardStatus(other, "PUBLISHED");
        auditActions("Standard", standard, "RETIRED", 1);
    }

    @Test
    void aRepeatedCancellationAnswersTheFirstOneAndAnotherReasonIs422() {
        UUID assessment = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        Map<String, String> reason = Map.of("reason", "队伍正在执行救援任务，考核改期");
        Response first = post(Tokens.provincial("510000"), assessmentStep(assessment, "cancellation"), key, null, reason);
        first.then().statusCode(200).body("status", equalTo("CANCELLED"));

        assertReplays(first, post(Tokens.provincial("510000"), assessmentStep(assessment, "cancellation"), key, null, reason));
        post(Tokens.provincial("510000"), assessmentStep(assessment, "cancellation"), key, null, Map.of("reason", "另一个理由"))
                .then().statusCode(422).body("type", equalTo(KEY_REUSED));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then().statusCode(200)
                .body("cancellationReason", equalTo(reason.get("reason")));
        auditActions("Assessment", assessment, "CANCELLED", 1);
    }

    @Test
    void twentyConcurrentCancellationsWithOneKeyCancelOnce() throws Exception {
        UUID assessment = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), UUID.randomUUID());
        List<HttpResponse<String>> answers = concurrently(20, Tokens.national(), assessmentStep(assessment, "cancellation"),
                UUID.randomUUID().toString(), null, "{\"reason\":\"队伍正在执行救援任务，考核改期\"}");
        assertOneRanTheOthersReplayed(answers, "CANCELLED");
        auditActions("Assessment", assessment, "CANCELLED", 1);
    }

    @Test
    void aRepeatedFinalizationAnswersTheFirstOneAndQueuesTheResultOnce() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        UUID assessment = Fixtures.submitted(team, UUID.randomUUID(), 0.8, "PERIODIC");
        String key = UUID.randomUUID().toString();
        Response first = post(Tokens.national(), assessmentStep(assessment, "finalization"), key, null, null);
        first.then().statusCode(200).body("status", equalTo("FINALIZED")).body("grade", equalTo("GRADE_2"));

        assertReplays(first, post(Tokens.national(), assessmentStep(assessment, "finalization"), key, null, null));
        // the same key with an If-Match is another request
        String evaluation = evaluationETag(assessment);
        post(Tokens.national(), assessmentStep(assessment, "finalization"), key, evaluation, null).then().statusCode(422)
                .body("type", equalTo(KEY_REUSED));
        auditActions("Assessment", assessment, "FINALIZED", 1);
        resultMessages(assessment, 1);
    }

    @Test
    void twentyConcurrentFinalizationsWithOneKeyFinalizeOnceAndQueueOneResult() throws Exception {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        UUID assessment = Fixtures.submitted(team, UUID.randomUUID(), 0.8, "PERIODIC");
        List<HttpResponse<String>> answers = concurrently(20, Tokens.national(), assessmentStep(assessment, "finalization"),
                UUID.randomUUID().toString(), evaluationETag(assessment), null);
        assertOneRanTheOthersReplayed(answers, "FINALIZED");
        auditActions("Assessment", assessment, "FINALIZED", 1);
        resultMessages(assessment, 1);
    }

    @Test
    void aFinalizationWithTheETagOfACorrectedEvaluationIs412AndWithTheCurrentOneFinalizes() {
        UUID assessor = UUID.randomUUID();
        UUID assessment = Fixtures.submitted(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor, 0.8, "PERIODIC");
        String reviewed = evaluationETag(assessment);
        assertEquals("\"0\"", reviewed);
        // the assessor corrects the evaluation after the finalizer read it
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).header("If-Match", reviewed)
                .body(Fixtures.evaluation(MINING_STANDARD, 0.7))
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(200);

        post(Tokens.national(), assessmentStep(assessment, "finalization"), UUID.randomUUID().toString(), reviewed, null)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "precondition-failed"))
                .body("status", equalTo(412));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        auditActions("Assessment", assessment, "FINALIZED", 0);
        String current = evaluationETag(assessment);
        assertEquals("\"1\"", current);
        post(Tokens.national(), assessmentStep(assessment, "finalization"), null, current, null).then().statusCode(200)
                .body("status", equalTo("FINALIZED")).body("grade", equalTo("GRADE_3"));
    }

    @Test
    void aFinalizationWithoutIfMatchDecidesOnTheCurrentEvaluationAsBefore() {
        UUID assessor = UUID.randomUUID();
        UUID assessment = Fixtures.submitted(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor, 0.8, "PERIODIC");
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.evaluation(MINING_STANDARD, 0.7))
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(200);
        post(Tokens.national(), assessmentStep(assessment, "finalization"), null, null, null).then().statusCode(200)
                .body("grade", equalTo("GRADE_3"));
    }

    @Test
    void aRepeatedAppealAnswersTheFirstOneNot409AndAnotherReasonIs422() {
        UUID unit = UUID.randomUUID();
        UUID assessment = Fixtures.submitted(teams.addTeam("510000", "MINING", unit), UUID.randomUUID(), 0.7, "PERIODIC");
        post(Tokens.national(), assessmentStep(assessment, "finalization"), null, null, null).then().statusCode(200);
        String key = UUID.randomUUID().toString();
        Map<String, String> reason = Map.of("reason", "装备指标取数时两台呼吸器正在送检，申请复核");
        Response first = post(Tokens.unit(unit), assessmentStep(assessment, "appeal"), key, null, reason);
        first.then().statusCode(200).body("status", equalTo("SUBMITTED"));

        assertReplays(first, post(Tokens.unit(unit), assessmentStep(assessment, "appeal"), key, null, reason));
        post(Tokens.unit(unit), assessmentStep(assessment, "appeal"), key, null, Map.of("reason", "另一个理由")).then().statusCode(422)
                .body("type", equalTo(KEY_REUSED));
        auditActions("Assessment", assessment, "APPEALED", 1);
        // a second appeal, with a new key, is still refused: an assessment is appealed once
        post(Tokens.unit(unit), assessmentStep(assessment, "appeal"), UUID.randomUUID().toString(), null, reason).then().statusCode(409);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRepeatedBatchAnswersEveryItemsFirstOutcomeAndAnotherBatchIs422() {
        UUID assessor = UUID.randomUUID();
        UUID first = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor);
        UUID second = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor);
        Map<String, Object> bad = Fixtures.evaluation(MINING_STANDARD, 1.0);
        ((List<Map<String, Object>>) bad.get("scores")).get(0).put("score", 1000);
        Map<String, Object> batch = Map.of("items", List.of(
                Map.of("assessmentId", first.toString(), "evaluation", Fixtures.evaluation(MINING_STANDARD, 1.0)),
                Map.of("assessmentId", second.toString(), "evaluation", bad)));
        String key = UUID.randomUUID().toString();
        Response answer = post(Tokens.assessor(assessor), "/api/v1/evaluations/bulk", key, null, batch);
        answer.then().statusCode(200).body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("results[1].status", equalTo(400));

        assertReplays(answer, post(Tokens.assessor(assessor), "/api/v1/evaluations/bulk", key, null, batch));
        post(Tokens.assessor(assessor), "/api/v1/evaluations/bulk", key, null,
                Map.of("items", List.of(Map.of("assessmentId", second.toString(), "evaluation", Fixtures.evaluation(MINING_STANDARD, 0.8)))))
                .then().statusCode(422).body("type", equalTo(KEY_REUSED));
        auditActions("Evaluation", first, "SUBMITTED", 1);
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + second).then().body("status", equalTo("SCHEDULED"));
    }

    @Test
    void twentyConcurrentBatchesWithOneKeySubmitOnce() throws Exception {
        UUID assessor = UUID.randomUUID();
        UUID first = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor);
        UUID second = Fixtures.schedule(teams.addTeam("510000", "MINING", UUID.randomUUID()), assessor);
        Map<String, Object> evaluation = Fixtures.evaluation(MINING_STANDARD, 0.8);
        String batch = new ObjectMapper().writeValueAsString(Map.of("items", List.of(
                Map.of("assessmentId", first.toString(), "evaluation", evaluation),
                Map.of("assessmentId", second.toString(), "evaluation", evaluation))));
        List<HttpResponse<String>> answers = concurrently(20, Tokens.assessor(assessor), "/api/v1/evaluations/bulk",
                UUID.randomUUID().toString(), null, batch);
        int replayed = 0;
        for (HttpResponse<String> response : answers) {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(2, JsonPath.from(response.body()).getInt("accepted"), response.body());
            replayed += response.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
        }
        assertEquals(19, replayed, "one request ran the batch, the others answered its replay");
        auditActions("Evaluation", first, "SUBMITTED", 1);
        auditActions("Evaluation", second, "SUBMITTED", 1);
    }

    private static String standardStep(UUID standard, String step) {
        return "/api/v1/standards/" + standard + "/" + step;
    }

    private static String assessmentStep(UUID assessment, String step) {
        return "/api/v1/assessments/" + assessment + "/" + step;
    }

    private static Response post(String token, String path, String key, String ifMatch, Object body) {
        var request = given().auth().oauth2(token);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.post(path);
    }

    /** The replay is the first answer: status, ETag and body, marked as replayed. */
    private static void assertReplays(Response first, Response replay) {
        replay.then().statusCode(first.statusCode()).header("Idempotent-Replayed", "true");
        assertEquals(first.header("ETag"), replay.header("ETag"));
        assertEquals(first.jsonPath().getMap(""), replay.jsonPath().getMap(""));
    }

    private static String evaluationETag(UUID assessment) {
        return given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment + "/evaluation")
                .then().statusCode(200).extract().header("ETag");
    }

    private static void standardStatus(UUID standard, String status) {
        given().auth().oauth2(Tokens.national()).get("/api/v1/standards/" + standard).then().statusCode(200)
                .body("status", equalTo(status));
    }

    private static void auditActions(String entityType, UUID entity, String action, int count) {
        given().auth().oauth2(Tokens.national()).queryParam("entityType", entityType).queryParam("entityId", entity)
                .queryParam("size", 200).get("/api/v1/audit-events").then().statusCode(200)
                .body("items.findAll { it.action == '" + action + "' }.size()", equalTo(count));
    }

    /**
     * The result messages queued for teams-api for the assessment, counted once none is pending any more (a message
     * moving from PENDING to DELIVERED between two queries would be counted twice, or not at all).
     */
    private static void resultMessages(UUID assessment, int count) {
        Eventually.within(DELIVERY, "no result message pending", () -> messages(assessment, "PENDING") == 0);
        assertEquals(count, messages(assessment, "DELIVERED") + messages(assessment, "PARKED"));
    }

    private static int messages(UUID assessment, String state) {
        return given().auth().oauth2(Tokens.national()).queryParam("assessmentId", assessment).queryParam("state", state)
                .get("/api/v1/outbox-messages").then().statusCode(200).extract().<Integer>path("total");
    }

    private static void assertOneRanTheOthersReplayed(List<HttpResponse<String>> answers, String status) {
        int replayed = 0;
        for (HttpResponse<String> response : answers) {
            assertEquals(200, response.statusCode(), response.body());
            assertEquals(status, JsonPath.from(response.body()).getString("status"), response.body());
            replayed += response.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
        }
        assertEquals(answers.size() - 1, replayed, "one request ran the change, the others answered its replay");
    }

    /** {@code times} identical POSTs released at once. */
    private static List<HttpResponse<String>> concurrently(int times, String token, String path, String key, String ifMatch,
                                                           String json) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        HttpRequest request = builder.build();
        return AtOnce.send(request, times);
    }
}
