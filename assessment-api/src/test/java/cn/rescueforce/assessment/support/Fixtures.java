package cn.rescueforce.assessment.support;

import cn.rescueforce.devkit.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/** Builds assessments and evaluations through the API, as the levels themselves would. */
public final class Fixtures {

    /** The published seed standards (V2 migration). */
    public static final String MINING_STANDARD = "5d1e0a10-0001-4000-8000-000000000001";
    public static final String HAZCHEM_STANDARD = "5d1e0a10-0002-4000-8000-000000000002";

    private static final AtomicInteger STANDARD_CODES = new AtomicInteger((int) (System.nanoTime() % 100000));

    private Fixtures() {
    }

    /** A code no standard has yet: its drafts, publications and retirements touch no other test's standards. */
    public static String freshStandardCode() {
        return "TEST-STD-" + STANDARD_CODES.incrementAndGet();
    }

    /** A small valid standard of category OTHER (100 points: a veto indicator with evidence, the equipment indicator). */
    public static Map<String, Object> standardBody(String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("title", "测试考核规范");
        body.put("category", "OTHER");
        body.put("thresholds", Map.of("grade1", 90, "grade2", 80, "grade3", 70));
        body.put("validityMonths", 24);
        body.put("sections", List.of(
                Map.of("code", "MGT", "title", "组织管理", "indicators", List.of(
                        Map.of("code", "T-MGT-1", "title", "值班制度", "maxScore", 50, "veto", true, "evidenceRequired", true))),
                Map.of("code", "EQP", "title", "装备配备", "indicators", List.of(
                        Map.of("code", "T-EQP-1", "title", "装备达标率", "maxScore", 50, "source", "EQUIPMENT_COMPLIANCE")))));
        return body;
    }

    /** A draft of a fresh code, by national. */
    public static UUID draftStandard() {
        return UUID.fromString(given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(standardBody(freshStandardCode()))
                .post("/api/v1/standards").then().statusCode(201).extract().path("id"));
    }

    public static Map<String, Object> scheduleBody(UUID teamId, String standardId, UUID assessorOrg, String type) {
        Map<String, Object> body = new HashMap<>();
        body.put("teamId", teamId.toString());
        body.put("type", type);
        body.put("standardId", standardId);
        body.put("assessorOrgId", assessorOrg.toString());
        body.put("dueOn", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString());
        body.put("notes", "年度定期考核");
        return body;
    }

    public static UUID schedule(String token, UUID teamId, String standardId, UUID assessorOrg, String type) {
        return UUID.fromString(given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(scheduleBody(teamId, standardId, assessorOrg, type))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id"));
    }

    public static UUID schedule(UUID teamId, UUID assessorOrg) {
        return schedule(Tokens.national(), teamId, MINING_STANDARD, assessorOrg, "PERIODIC");
    }

    /**
     * Scores every manual indicator of the standard at {@code fraction} of its maximum (with evidence where
     * required). With the seed standards (80 manual points, 20 equipment points at 95%): 1.0 → 99 (GRADE_1),
     * 0.8 → 83 (GRADE_2), 0.7 → 75 (GRADE_3), 0.5 → 59 (FAIL).
     */
    public static Map<String, Object> evaluation(String standardId, double fraction) {
        JsonPath standard = given().auth().oauth2(Tokens.national()).get("/api/v1/standards/" + standardId)
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> scores = new ArrayList<>();
        for (Map<String, Object> section : standard.<Map<String, Object>>getList("sections")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> indicators = (List<Map<String, Object>>) section.get("indicators");
            for (Map<String, Object> indicator : indicators) {
                if ("EQUIPMENT_COMPLIANCE".equals(indicator.get("source"))) {
                    continue;
                }
                double max = ((Number) indicator.get("maxScore")).doubleValue();
                Map<String, Object> score = new HashMap<>();
                score.put("indicatorCode", indicator.get("code"));
                score.put("score", Math.round(max * fraction * 10) / 10.0);
                if (Boolean.TRUE.equals(indicator.get("evidenceRequired"))) {
                    score.put("evidence", List.of("evidence://2026/" + indicator.get("code") + ".pdf"));
                }
                scores.add(score);
            }
        }
        Map<String, Object> body = new HashMap<>();
        body.put("leadAssessor", "李明华");
        body.put("comments", "现场考核完成");
        body.put("scores", scores);
        return body;
    }

    public static void submit(UUID assessmentId, UUID assessorOrg, Map<String, Object> evaluation) {
        given().auth().oauth2(Tokens.assessor(assessorOrg)).contentType(ContentType.JSON).body(evaluation)
                .put("/api/v1/assessments/" + assessmentId + "/evaluation").then().statusCode(200);
    }

    /** Scheduled by national against the mining standard and submitted at {@code fraction}. */
    public static UUID submitted(UUID teamId, UUID assessorOrg, double fraction, String type) {
        UUID assessment = schedule(Tokens.national(), teamId, MINING_STANDARD, assessorOrg, type);
        submit(assessment, assessorOrg, evaluation(MINING_STANDARD, fraction));
        return assessment;
    }
}
