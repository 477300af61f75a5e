package cn.rescueforce.teams.retry;

import cn.rescueforce.devkit.testing.AtOnce;
import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lifecycle and mobilization steps, training hours and assessment results are safe to retry with an
 * Idempotency-Key (openapi/common.yaml, IdempotencyKey); the team lifecycle steps also take an optional If-Match
 * (openapi/teams-api.yaml, TeamIfMatch).
 */
@QuarkusTest
class SafeRetryTest {

    static final String PROBLEMS = "https://rescue-force.cn/problems/";
    static final String NATIONAL = Tokens.national();
    static final String SICHUAN = Tokens.provincial("510000");

    @Test
    void everyLifecycleStepRetriedWithItsKeyAnswersTheFirstResponseNot409() {
        UUID team = Registry.team("510000", "MINING", Registry.unit("510000"));
        String path = "/api/v1/teams/" + team;

        retried(NATIONAL, path + "/designation", Map.of("reason", "验收合格"), Map.of("reason", "验收合格，另一理由"))
                .then().body("status", equalTo("ACTIVE"));
        retried(SICHUAN, path + "/readiness", Map.of("readiness", "UNAVAILABLE", "reason", "装备检修"),
                Map.of("readiness", "RECOVERING", "reason", "装备检修")).then().body("readiness", equalTo("UNAVAILABLE"));
        retried(NATIONAL, path + "/rectification", Map.of("reason", "演练不达标"), Map.of("reason", "值班制度不落实"))
                .then().body("status", equalTo("RECTIFICATION"));
        retried(SICHUAN, path + "/exit-proposal", Map.of("reason", "依托企业关闭"), Map.of("reason", "另一理由"))
                .then().body("exitProposed", equalTo(true));
        retried(NATIONAL, path + "/exit", Map.of("reason", "退出国家队伍序列"), Map.of("reason", "另一理由"))
                .then().body("status", equalTo("EXITED"));

        // REGISTERED, DESIGNATED, PLACED_IN_RECTIFICATION, EXIT_PROPOSED, EXITED: each once
        given().auth().oauth2(NATIONAL).get(path + "/status-history").then().statusCode(200).body("total", equalTo(5));
        for (String action : List.of("DESIGNATED", "READINESS_CHANGED", "PLACED_IN_RECTIFICATION", "EXIT_PROPOSED", "EXITED")) {
            audits(team, action, 1);
        }
    }

    @Test
    void everyMobilizationStepRetriedWithItsKeyAnswersTheFirstResponse() {
        UUID team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        String order = issue(team);
        String path = "/api/v1/mobilizations/" + order;

        retried(SICHUAN, path + "/acknowledgement", Map.of("note", "值班小队已出动"), Map.of("note", "另一备注"))
                .then().body("status", equalTo("ACKNOWLEDGED"));
        retried(SICHUAN, path + "/departure", Map.of("note", "已出发"), Map.of("note", "另一备注"))
                .then().body("status", equalTo("EN_ROUTE"));
        retried(SICHUAN, path + "/arrival", Map.of("note", "已到达现场"), Map.of("note", "另一备注"))
                .then().body("status", equalTo("ON_SITE"));
        retried(SICHUAN, path + "/completion", Map.of("note", "救援结束"), Map.of("note", "另一备注"))
                .then().body("status", equalTo("COMPLETED"));
        for (String action : List.of("ACKNOWLEDGED", "EN_ROUTE", "ON_SITE", "COMPLETED")) {
            audits(UUID.fromString(order), action, 1);
        }
        readiness(team, "RECOVERING");

        String cancelled = issue(team);
        retried(SICHUAN, "/api/v1/mobilizations/" + cancelled + "/cancellation", Map.of("reason", "险情已排除，取消调动"),
                Map.of("reason", "另一理由")).then().body("status", equalTo("CANCELLED"));
        audits(UUID.fromString(cancelled), "CANCELLED", 1);
        readiness(team, "STANDBY");
    }

    @Test
    void aStepWithoutABodyIsReplayedAndTheSameKeyOnAnotherOrderIs422() {
        UUID team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        String order = issue(team);
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(SICHUAN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .post("/api/v1/mobilizations/" + order + "/acknowledgement");
        first.then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        given().auth().oauth2(SICHUAN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .post("/api/v1/mobilizations/" + order + "/acknowledgement").then().statusCode(200)
                .header("Idempotent-Replayed", "true").header("ETag", first.header("ETag"))
                .body("acknowledgedAt", equalTo(first.path("acknowledgedAt")));
        given().auth().oauth2(SICHUAN).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .post("/api/v1/mobilizations/" + order + "/departure").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        given().auth().oauth2(SICHUAN).get("/api/v1/mobilizations/" + order).then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
    }

    @Test
    void trainingHoursRetriedWithTheirKeyAreCountedOnce() {
        UUID unit = Registry.unit("510000");
        UUID team = Registry.activeTeam("510000", "MINING", unit);
        String member = Registry.member(team, unit);
        String on = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        Map<String, Object> hours = Map.of("memberId", member, "trainedOn", on, "hours", 8, "subject", "正压氧气呼吸器佩用与故障处置");
        Map<String, Object> moreHours = new HashMap<>(hours);
        moreHours.put("hours", 9);
        Response first = retried(Tokens.unit(unit), "/api/v1/teams/" + team + "/training-hours", hours, moreHours);
        first.then().statusCode(201).body("memberTrainingHours", equalTo(128));
        given().auth().oauth2(NATIONAL).get("/api/v1/members/" + member).then().statusCode(200).body("trainingHours", equalTo(128));
        audits(UUID.fromString(member), "TRAINING_RECORDED", 1);
    }

    @Test
    void anAssessmentResultWithAKeyIsReplayedAndWithoutOneStillAppliedOncePerAssessment() {
        UUID team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        String path = "/api/v1/teams/" + team + "/assessment-results";
        Map<String, Object> fail = result("PERIODIC", "FAIL");
        Response first = retried(Tokens.service(), path, fail, result("PERIODIC", "FAIL"));
        first.then().body("status", equalTo("RECTIFICATION"));
        audits(team, "ASSESSMENT_RESULT_APPLIED", 1);

        // assessment-api's outbox sends no key (assessment-api TeamResultDelivery): the result is still applied once
        Map<String, Object> reassessment = result("REASSESSMENT", "GRADE_3");
        reassessment.put("validUntil", "2028-11-23");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON).body(reassessment).post(path).then()
                    .statusCode(200).header("Idempotent-Replayed", nullValue()).body("status", equalTo("RECTIFICATION"))
                    .body("grade", equalTo("GRADE_3"));
        }
        audits(team, "ASSESSMENT_RESULT_APPLIED", 2);
        // REGISTERED, DESIGNATED, PLACED_IN_RECTIFICATION (the fail, once)
        given().auth().oauth2(NATIONAL).get("/api/v1/teams/" + team + "/status-history").then().body("total", equalTo(3));
    }

    @Test
    void twentyConcurrentDesignationsWithOneKeyDesignateOnce() throws Exception {
        UUID team = Registry.team("510000", "MINING", Registry.unit("510000"));
        List<HttpResponse<String>> answers = concurrently(NATIONAL, "/api/v1/teams/" + team + "/designation", "{\"reason\":\"验收合格\"}");
        int replayed = 0;
        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("ACTIVE", JsonPath.from(answer.body()).getString("status"), answer.body());
            replayed += answer.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
        }
        assertEquals(19, replayed, "one request designated the team, the others answered its replay");
        given().auth().oauth2(NATIONAL).get("/api/v1/teams/" + team + "/status-history").then().body("total", equalTo(2));
        audits(team, "DESIGNATED", 1);
    }

    @Test
    void twentyConcurrentAcknowledgementsWithOneKeyAcknowledgeOnce() throws Exception {
        UUID team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        String order = issue(team);
        List<HttpResponse<String>> answers = concurrently(SICHUAN, "/api/v1/mobilizations/" + order + "/acknowledgement",
                "{\"note\":\"值班小队已出动\"}");
        int replayed = 0;
        String acknowledgedAt = null;
        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), answer.body());
            String at = JsonPath.from(answer.body()).getString("acknowledgedAt");
            assertEquals(acknowledgedAt == null ? at : acknowledgedAt, at, "every answer is the first one");
            acknowledgedAt = at;
            replayed += answer.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
        }
        assertEquals(19, replayed);
        audits(UUID.fromString(order), "ACKNOWLEDGED", 1);
    }

    @Test
    void twentyConcurrentAssessmentResultsWithOneKeyApplyOnce() throws Exception {
        UUID team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        String body = "{\"assessmentId\":\"" + UUID.randomUUID() + "\",\"assessmentType\":\"PERIODIC\",\"grade\":\"GRADE_1\","
                + "\"validUntil\":\"2028-11-23\",\"finalizedAt\":\"2026-11-23T02:00:00Z\"}";
        List<HttpResponse<String>> answers = concurrently(Tokens.service(), "/api/v1/teams/" + team + "/assessment-results", body);
        for (HttpResponse<String> answer : answers) {
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("GRADE_1", JsonPath.from(answer.body()).getString("grade"), answer.body());
        }
        audits(team, "ASSESSMENT_RESULT_APPLIED", 1);
    }

    @Test
    void aLifecycleStepWithAStaleIfMatchIs412AndChangesNothing() {
        UUID team = Registry.team("510000", "MINING", Registry.unit("510000"));
        String path = "/api/v1/teams/" + team;
        String read = given().auth().oauth2(NATIONAL).get(path).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(SICHUAN).contentType(ContentType.JSON).body(Map.of("readiness", "UNAVAILABLE"))
                .post(path + "/readiness").then().statusCode(200);

        decide(path + "/designation", read, "验收合格").then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "precondition-failed"));
        given().auth().oauth2(NATIONAL).get(path).then().body("status", equalTo("PROPOSED"));
        audits(team, "DESIGNATED", 0);

        String current = given().auth().oauth2(NATIONAL).get(path).then().extract().header("ETag");
        Response designated = decide(path + "/designation", current, "验收合格");
        designated.then().statusCode(200).body("status", equalTo("ACTIVE"));
        decide(path + "/rectification", current, "演练不达标").then().statusCode(412);
        given().auth().oauth2(SICHUAN).contentType(ContentType.JSON).header("If-Match", current)
                .body(Map.of("readiness", "STANDBY")).post(path + "/readiness").then().statusCode(412);
        given().auth().oauth2(SICHUAN).contentType(ContentType.JSON).header("If-Match", current)
                .body(Map.of("reason", "依托企业关闭")).post(path + "/exit-proposal").then().statusCode(412);
        decide(path + "/exit", current, "退出").then().statusCode(412);
        given().auth().oauth2(NATIONAL).get(path).then().body("status", equalTo("ACTIVE")).body("readiness", equalTo("UNAVAILABLE"))
                .body("exitProposed", equalTo(false));

        // the ETag of the answer is the current one; without If-Match the step proceeds as before
        decide(path + "/rectification", designated.header("ETag"), "演练不达标").then().statusCode(200)
                .body("status", equalTo("RECTIFICATION"));
        given().auth().oauth2(NATIONAL).contentType(ContentType.JSON).body(Map.of("reason", "退出"))
                .post(path + "/exit").then().statusCode(200).body("status", equalTo("EXITED"));
    }

    /**
     * The first request with a fresh key, its replay (the first answer again, status, ETag and body, marked
     * replayed) and the same key with {@code otherBody} (422, nothing changed); answers the first response.
     */
    private static Response retried(String token, String path, Map<String, Object> body, Map<String, Object> otherBody) {
        String key = UUID.randomUUID().toString();
        Response first = post(token, path, key, body);
        first.then().statusCode(org.hamcrest.Matchers.either(equalTo(200)).or(equalTo(201)))
                .header("Idempotent-Replayed", nullValue());
        Response replay = post(token, path, key, body);
        replay.then().statusCode(first.statusCode()).header("Idempotent-Replayed", "true");
        assertEquals(first.header("ETag"), replay.header("ETag"), path);
        assertEquals(first.jsonPath().getMap(""), replay.jsonPath().getMap(""), path);
        post(token, path, key, otherBody).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
        return first;
    }

    private static Response post(String token, String path, String key, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post(path);
    }

    private static Response decide(String path, String ifMatch, String reason) {
        return given().auth().oauth2(NATIONAL).contentType(ContentType.JSON).header("If-Match", ifMatch)
                .body(Map.of("reason", reason)).post(path);
    }

    /** Twenty identical requests with one Idempotency-Key, sent at once. */
    private static List<HttpResponse<String>> concurrently(String token, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return AtOnce.send(request, 20);
    }

    private static String issue(UUID team) {
        Map<String, Object> incident = Map.of("type", "GAS_EXPLOSION", "severity", "MAJOR", "province", "510000",
                "location", Map.of("lat", 28.1862, "lon", 105.4411), "address", "四川省泸州市古蔺县石屏镇某煤矿",
                "description", "井下采煤工作面发生瓦斯爆炸，12人被困");
        return given().auth().oauth2(SICHUAN).contentType(ContentType.JSON)
                .body(Map.of("teamId", team.toString(), "incident", incident))
                .post("/api/v1/mobilizations").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> result(String type, String grade) {
        return new HashMap<>(Map.of("assessmentId", UUID.randomUUID().toString(), "assessmentType", type, "grade", grade,
                "finalizedAt", "2026-11-23T02:00:00Z"));
    }

    private static void readiness(UUID team, String expected) {
        given().auth().oauth2(NATIONAL).get("/api/v1/teams/" + team).then().statusCode(200).body("readiness", equalTo(expected));
    }

    private static void audits(UUID entity, String action, int events) {
        given().auth().oauth2(NATIONAL).queryParam("entityId", entity).queryParam("size", 200).get("/api/v1/audit-events")
                .then().statusCode(200).body("items.findAll { it.action == '" + action + "' }.size()", equalTo(events));
    }
}
