package cn.rescueforce.assessment.outbox;

import cn.rescueforce.assessment.support.Eventually;
import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import cn.rescueforce.devkit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries teams-api refuses for good are parked at once, passing failures are retried until the retry limit
 * (the test profile: 5 attempts, relay every second, backoff 0.5 s to 1 s), and national retries or discards what
 * is parked (openapi/assessment-api.yaml, tag Outbox). The relay runs on its schedule, as in production; each test
 * waits for the state it expects (Eventually), then checks exact counts that no further relay run may change.
 */
@QuarkusTest
class ParkedMessageTest {

    private static final String MESSAGES = "/api/v1/outbox-messages";
    private static final String NOT_PARKED = "https://rescue-force.cn/problems/message-not-parked";
    /** A few relay runs of the test profile. */
    private static final Duration WITHIN_RETRY = Duration.ofSeconds(8);
    /** Five attempts, the limit of the test profile, with the backoff between them. */
    private static final Duration WITHIN_LIMIT = Duration.ofSeconds(20);

    @InjectDouble
    TeamsApiDouble teams;

    @Test
    void aResultTeamsApiRefusesIsParkedWithTheReasonNotRetriedAndDeliveredWhenNationalRetriesIt() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        teams.answerResults(team, 422, "validation");
        UUID assessment = finalized(team);

        JsonPath parked = awaitParked(assessment, WITHIN_RETRY);
        String id = parked.getString("id");
        assertEquals("PERMANENT", parked.getString("parkingCause"));
        assertEquals(1, parked.getInt("attempts"));
        assertEquals(422, parked.getInt("lastErrorStatus"));
        assertEquals("teams-api refused it: HTTP 422 https://rescue-force.cn/problems/validation (validation)", parked.getString("reason"));
        assertEquals("teams-api", parked.getString("destination"));
        assertEquals(team.toString(), parked.getString("teamId"));
        assertNull(parked.get("nextAttemptAt"));
        // parked, not retried: nothing more reaches teams-api over several relay runs
        Eventually.throughout(Duration.ofMillis(2500), "one delivery received by teams-api", () -> teams.received(assessment) == 1);
        given().auth().oauth2(Tokens.national()).get(MESSAGES + "/" + id).then().statusCode(200)
                .body("state", equalTo("PARKED")).body("attempts", equalTo(1)).body("assessmentId", equalTo(assessment.toString()));

        teams.acceptResults(team); // the cause is fixed
        given().auth().oauth2(Tokens.national()).post(MESSAGES + "/" + id + "/retry").then().statusCode(200)
                .body("state", equalTo("PENDING")).body("nextAttemptAt", notNullValue()).body("parkedAt", nullValue())
                .body("reason", nullValue());
        Eventually.within(WITHIN_RETRY, "the team shows the grade after the retry",
                () -> "GRADE_1".equals(teams.team(team).path("grade").asText()));
        Eventually.within(WITHIN_RETRY, "the message is delivered", () -> "DELIVERED".equals(message(id).getString("state")));
        assertEquals(2, message(id).getInt("attempts"));
        assertEquals(2, teams.received(assessment));
        assertEquals(1, teams.applied(assessment));
        given().auth().oauth2(Tokens.national()).get("/api/v1/assessments/" + assessment).then()
                .body("resultDelivery.state", equalTo("DELIVERED"));

        // a delivered message is no longer parked: neither retried nor discarded
        given().auth().oauth2(Tokens.national()).post(MESSAGES + "/" + id + "/retry").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(NOT_PARKED));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "不再需要"))
                .post(MESSAGES + "/" + id + "/discard").then().statusCode(409).body("type", equalTo(NOT_PARKED));
        assertEquals(List.of("RETRIED"), auditActions(id));
    }

    @Test
    void aResultTeamsApiCannotApplyNowStaysPendingWithBackoffAndArrivesWhenItCan() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        teams.answerResults(team, 503, "dependency-unavailable");
        UUID assessment = finalized(team);

        Eventually.within(WITHIN_RETRY, "a second attempt", () -> teams.received(assessment) >= 2);
        JsonPath pending = given().auth().oauth2(Tokens.national()).queryParam("state", "PENDING").queryParam("assessmentId", assessment)
                .get(MESSAGES).then().statusCode(200).extract().jsonPath();
        assertEquals(1, pending.getInt("total"));
        assertEquals("PENDING", pending.getString("items[0].state"));
        assertEquals(503, pending.getInt("items[0].lastErrorStatus"));
        assertTrue(pending.getString("items[0].nextAttemptAt") != null, "a pending message has its next attempt");
        assertNull(pending.get("items[0].parkedAt"));
        // the oldest pending message is at least as old as this one's round
        Eventually.within(WITHIN_RETRY, "the age gauge counts the waiting message", () -> metric("outbox_oldest_pending_age_seconds") > 0);

        teams.acceptResults(team);
        Eventually.within(WITHIN_RETRY, "the team shows the grade", () -> "GRADE_1".equals(teams.team(team).path("grade").asText()));
        Eventually.within(WITHIN_RETRY, "the message is delivered",
                () -> "DELIVERED".equals(message(pending.getString("items[0].id")).getString("state")));
        assertEquals(1, teams.applied(assessment));
    }

    @Test
    void aResultThatKeepsFailingIsParkedAtTheAttemptLimitAndNationalDiscardsIt() {
        double gaveUpBefore = metric("outbox_messages_parked_total", "reason=\"gave_up\"");
        UUID team = teams.addTeam("320000", "MINING", UUID.randomUUID());
        teams.answerResults(team, 503, "dependency-unavailable");
        UUID assessment = finalized(team);

        JsonPath parked = awaitParked(assessment, WITHIN_LIMIT);
        String id = parked.getString("id");
        assertEquals("GAVE_UP", parked.getString("parkingCause"));
        assertEquals(5, parked.getInt("attempts"));
        assertTrue(parked.getString("reason").matches("gave up after 5 attempts over \\d+s; last error: CallFailed: teams-api: "
                + "ErrorAnswer: answered HTTP 503"), parked.getString("reason"));
        Eventually.throughout(Duration.ofMillis(2500), "no attempt after parking", () -> teams.received(assessment) == 5);
        // counted just after the parking commits
        Eventually.within(WITHIN_RETRY, "the gave_up counter counts it",
                () -> metric("outbox_messages_parked_total", "reason=\"gave_up\"") >= gaveUpBefore + 1);
        Eventually.within(WITHIN_RETRY, "the parked gauge counts it", () -> metric("outbox_parked_messages") >= 1);

        Map<String, String> decision = Map.of("reason", "该队伍已撤销，考核结果不再送达");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", "discard-" + id)
                .body(decision)
                .post(MESSAGES + "/" + id + "/discard").then().statusCode(200)
                .body("state", equalTo("DISCARDED"))
                .body("discardedBy", equalTo("national-center"))
                .body("discardReason", equalTo("该队伍已撤销，考核结果不再送达"))
                .body("discardedAt", notNullValue())
                .body("parkingCause", equalTo("GAVE_UP"))
                .body("reason", startsWith("gave up after 5 attempts"));
        // the same discard again with its key is the first answer, not 409; the key with another reason is 422
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", "discard-" + id)
                .body(decision)
                .post(MESSAGES + "/" + id + "/discard").then().statusCode(200)
                .header("Idempotent-Replayed", "true").body("state", equalTo("DISCARDED"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", "discard-" + id)
                .body(Map.of("reason", "另一个理由"))
                .post(MESSAGES + "/" + id + "/discard").then().statusCode(422);
        // kept for the record, no longer parked, never retried
        given().auth().oauth2(Tokens.national()).queryParam("assessmentId", assessment).get(MESSAGES).then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(Tokens.national()).queryParam("assessmentId", assessment).queryParam("state", "DISCARDED").get(MESSAGES)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(Tokens.national()).post(MESSAGES + "/" + id + "/retry").then().statusCode(409).body("type", equalTo(NOT_PARKED));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", "再次作废"))
                .post(MESSAGES + "/" + id + "/discard").then().statusCode(409).body("type", equalTo(NOT_PARKED));
        Eventually.throughout(Duration.ofMillis(1500), "a discarded message is never delivered", () -> teams.received(assessment) == 5);
        assertEquals(List.of("DISCARDED"), auditActions(id));
    }

    @Test
    void onlyNationalSeesOrChangesTheOutbox() {
        UUID team = teams.addTeam("510000", "MINING", UUID.randomUUID());
        teams.answerResults(team, 404, "not-found");
        UUID assessment = finalized(team);
        String id = awaitParked(assessment, WITHIN_RETRY).getString("id");
        UUID org = UUID.randomUUID();
        for (String token : List.of(Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(org), Tokens.assessor(org),
                Tokens.service())) {
            given().auth().oauth2(token).get(MESSAGES).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://rescue-force.cn/problems/forbidden"));
            given().auth().oauth2(token).get(MESSAGES + "/" + id).then().statusCode(403);
            given().auth().oauth2(token).post(MESSAGES + "/" + id + "/retry").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", "越权作废"))
                    .post(MESSAGES + "/" + id + "/discard").then().statusCode(403);
        }
        given().get(MESSAGES).then().statusCode(401);
        given().post(MESSAGES + "/" + id + "/retry").then().statusCode(401);
        // refused attempts changed nothing
        given().auth().oauth2(Tokens.national()).get(MESSAGES + "/" + id).then().statusCode(200).body("state", equalTo("PARKED"));
        assertEquals(List.of(), auditActions(id));

        // bad input changes nothing either
        given().auth().oauth2(Tokens.national()).queryParam("state", "LOST").get(MESSAGES).then().statusCode(400);
        given().auth().oauth2(Tokens.national()).queryParam("sort", "payload,asc").get(MESSAGES).then().statusCode(400)
                .body("type", equalTo("https://rescue-force.cn/problems/validation"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("reason", ""))
                .post(MESSAGES + "/" + id + "/discard").then().statusCode(400);
        given().auth().oauth2(Tokens.national()).get(MESSAGES + "/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://rescue-force.cn/problems/not-found"));
        given().auth().oauth2(Tokens.national()).post(MESSAGES + "/" + UUID.randomUUID() + "/retry").then().statusCode(404);
        given().auth().oauth2(Tokens.national()).get(MESSAGES + "/" + id).then().statusCode(200).body("state", equalTo("PARKED"));

        // paged like every list, and the parked ones by default
        JsonPath page = given().auth().oauth2(Tokens.national()).queryParam("size", 1).queryParam("sort", "parkedAt,desc").get(MESSAGES)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, page.getList("items").size());
        assertEquals(1, page.getInt("size"));
        assertTrue(page.getInt("total") >= 1);
        assertEquals("PARKED", page.getString("items[0].state"));
        assertTrue(metric("outbox_messages_parked_total", "reason=\"permanent\"") >= 1, "the permanent counter counts it");
    }

    private static UUID finalized(UUID team) {
        UUID assessment = Fixtures.submitted(team, UUID.randomUUID(), 1.0, "PERIODIC");
        given().auth().oauth2(Tokens.national()).post("/api/v1/assessments/" + assessment + "/finalization").then().statusCode(200);
        return assessment;
    }

    /** The assessment's parked message, once the relay has parked it. */
    private static JsonPath awaitParked(UUID assessment, Duration limit) {
        Eventually.within(limit, "the message about " + assessment + " is parked", () -> parkedAbout(assessment).getInt("total") == 1);
        JsonPath page = parkedAbout(assessment);
        assertEquals("PARKED", page.getString("items[0].state"));
        return page.setRootPath("items[0]");
    }

    private static JsonPath parkedAbout(UUID assessment) {
        return given().auth().oauth2(Tokens.national()).queryParam("assessmentId", assessment).queryParam("destination", "teams-api")
                .get(MESSAGES).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath message(String id) {
        return given().auth().oauth2(Tokens.national()).get(MESSAGES + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> auditActions(String id) {
        return given().auth().oauth2(Tokens.national()).queryParam("entityType", "OutboxMessage").queryParam("entityId", id)
                .get("/api/v1/audit-events").then().statusCode(200).extract().jsonPath().getList("items.action");
    }

    /** A sample of /q/metrics (Prometheus text) by its name; 0 when absent. */
    private static double metric(String name) {
        return metric(name, "");
    }

    /** A sample of /q/metrics by its name and one of its labels ({@code reason="gave_up"}); 0 when absent. */
    private static double metric(String name, String label) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(text);
        while (sample.find()) {
            if (label.isEmpty() || sample.group(1) != null && sample.group(1).contains(label)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }
}
