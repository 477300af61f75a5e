package cn.rescueforce.assessment.changes;

import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import cn.rescueforce.devkit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.rescueforce.assessment.support.Fixtures.MINING_STANDARD;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every event type of assessment-api but the outbox messages' is published by the operation that makes it, with
 * {@code data} exactly what the object's own GET answered at that version (README, "Change feed and webhooks";
 * openapi/assessment-api.yaml, listChanges).
 */
@QuarkusTest
class ChangeEventsTest {

    @InjectDouble
    TeamsApiDouble teams;

    /** What the GETs answered, by entity type, id and version: what the feed must hold for that version. */
    private final Map<String, Map<String, Object>> read = new HashMap<>();

    private void readAgain(String entityType, String path, Object id) {
        Map<String, Object> body = given().auth().oauth2(Tokens.national()).get(path).then().statusCode(200).extract().jsonPath().getMap("$");
        read.put(entityType + " " + id + "@" + body.get("version"), body);
    }

    private void readStandard(UUID id) {
        readAgain("Standard", "/api/v1/standards/" + id, id);
    }

    private void readAssessment(UUID id) {
        readAgain("Assessment", "/api/v1/assessments/" + id, id);
    }

    private void readEvaluation(UUID assessmentId) {
        readAgain("Evaluation", "/api/v1/assessments/" + assessmentId + "/evaluation", assessmentId);
    }

    private static UUID draft(String code) {
        return UUID.fromString(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Fixtures.standardBody(code))
                .post("/api/v1/standards").then().statusCode(201).extract().path("id"));
    }

    @Test
    void everyStandardChangeCarriesTheStandardAsItsGetAnswersIt() {
        String start = Feed.cursor(Tokens.national());
        String code = Fixtures.freshStandardCode();
        UUID first = draft(code);
        readStandard(first);
        Map<String, Object> revised = Fixtures.standardBody(code);
        revised.put("title", "测试考核规范（修订）");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(revised)
                .put("/api/v1/standards/" + first).then().statusCode(200);
        readStandard(first);
        given().auth().oauth2(Tokens.national()).post("/api/v1/standards/" + first + "/publication").then().statusCode(200);
        readStandard(first);
        UUID second = draft(code);
        readStandard(second);
        // publishing the next version retires the first in the same transaction: both are published, in that order
        given().auth().oauth2(Tokens.national()).post("/api/v1/standards/" + second + "/publication").then().statusCode(200);
        readStandard(first);
        readStandard(second);
        given().auth().oauth2(Tokens.national()).post("/api/v1/standards/" + second + "/retirement").then().statusCode(200);
        readStandard(second);

        Feed.Read feed = Feed.all(Tokens.national(), start);
        List<Map<String, Object>> changes = feed.of(List.of(first, second));
        assertEquals(List.of("standard.drafted", "standard.updated", "standard.published", "standard.drafted",
                "standard.retired", "standard.published", "standard.retired"), feed.typesOf(List.of(first, second)));
        assertEquals(List.of(first, first, first, second, first, second, second).stream().map(UUID::toString).toList(),
                changes.stream().map(c -> c.get("entityId")).toList());
        assertTheObjectsAsRead(changes, "Standard");
    }

    @Test
    void everyAssessmentAndEvaluationChangeCarriesTheObjectAsItsGetAnswersIt() {
        String start = Feed.cursor(Tokens.national());
        UUID unit = UUID.randomUUID();
        UUID assessor = UUID.randomUUID();
        UUID team = teams.addTeam("510000", "MINING", unit);
        UUID assessment = Fixtures.schedule(team, assessor);
        readAssessment(assessment);
        Fixtures.submit(assessment, assessor, Fixtures.evaluation(MINING_STANDARD, 0.7));
        readEvaluation(assessment);
        given().auth().oauth2(Tokens.assessor(assessor)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Fixtures.evaluation(MINING_STANDARD, 0.8))
                .put("/api/v1/assessments/" + assessment + "/evaluation").then().statusCode(200);
        readEvaluation(assessment);
        given().auth().oauth2(Tokens.national()).post("/api/v1/assessments/" + assessment + "/finalization").then().statusCode(200);
        readAssessment(assessment);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(Map.of("reason", "申请复核装备指标"))
                .post("/api/v1/assessments/" + assessment + "/appeal").then().statusCode(200);
        readAssessment(assessment);
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON).body(Map.of("reason", "队伍正在执行救援任务"))
                .post("/api/v1/assessments/" + assessment + "/cancellation").then().statusCode(200);
        readAssessment(assessment);

        Feed.Read feed = Feed.all(Tokens.national(), start);
        assertEquals(List.of("assessment.scheduled", "evaluation.submitted", "evaluation.corrected", "assessment.finalized",
                "assessment.appealed", "assessment.cancelled"), feed.typesOf(List.of(assessment)));
        List<Map<String, Object>> changes = feed.of(List.of(assessment));
        assertEquals(List.of("Assessment", "Evaluation", "Evaluation", "Assessment", "Assessment", "Assessment"),
                changes.stream().map(c -> c.get("entityType")).toList());
        assertEquals(List.of("NATIONAL", "ASSESSOR", "ASSESSOR", "NATIONAL", "UNIT", "PROVINCIAL"),
                changes.stream().map(c -> c.get("actorLevel")).toList());
        // the result's delivery goes on after the finalization commits (the relay): the feed holds it as committed
        @SuppressWarnings("unchecked")
        Map<String, Object> delivery = (Map<String, Object>) data(changes.get(3)).get("resultDelivery");
        assertEquals("PENDING", delivery.get("state"));
        assertEquals(0, delivery.get("attempts"));
        assertTheObjectsAsRead(changes, "Assessment", "Evaluation");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> change) {
        return (Map<String, Object>) change.get("data");
    }

    /** Each change's data is what the GET answered at its version (an assessment's result delivery apart: it moves on). */
    private void assertTheObjectsAsRead(List<Map<String, Object>> changes, String... entityTypes) {
        Set<Object> seenTypes = new LinkedHashSet<>();
        for (Map<String, Object> change : changes) {
            seenTypes.add(change.get("entityType"));
            Map<String, Object> data = new HashMap<>(data(change));
            assertEquals(change.get("entityVersion"), data.get("version"), "entityVersion is the version of data");
            Map<String, Object> asRead = read.get(change.get("entityType") + " " + change.get("entityId") + "@" + change.get("entityVersion"));
            assertNotNull(asRead, "no GET answered version " + change.get("entityVersion") + " of " + change.get("entityId"));
            asRead = new HashMap<>(asRead);
            if ("Assessment".equals(change.get("entityType")) && data.get("resultDelivery") != null) {
                assertNotNull(asRead.remove("resultDelivery"));
                data.remove("resultDelivery");
            }
            assertEquals(asRead, data, change.get("type") + " carries the object as its GET answers it");
            assertNotNull(change.get("id"));
            assertNotNull(change.get("cursor"));
            assertNotNull(change.get("occurredAt"));
        }
        assertEquals(Set.of(entityTypes), seenTypes);
        assertTrue(changes.size() > 0);
    }
}
