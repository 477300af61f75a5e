package cn.rescueforce.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The flow of scripts/e2e-flow across the three services, with tokens of the realm: Sichuan registers a supporting
 * unit and a mining team; an administrator onboards the unit's user (k8s/README.md, "Onboarding organisations"),
 * who adds a member and registers equipment (equipment-api checks the team with teams-api, by its service account);
 * national publishes the standard configuration and schedules an acceptance assessment (assessment-api reads the
 * team from teams-api); the assessor organisation's system submits its evaluation (the equipment indicator comes from
 * equipment-api's compliance report); national finalizes; the grade reaches the team through assessment-api's
 * outbox, by its service account.
 */
@Order(2)
@ExtendWith(Suite.Extension.class)
class FlowIT {

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    private static String url(String service, String path) {
        return suite.service(service).url() + path;
    }

    @Test
    void aGradeFinalizedInAssessmentApiReachesTheTeamInTeamsApi() {
        String national = IdentityIT.user("national-duty");
        String sichuan = IdentityIT.user("provincial-510000");

        // teams-api: Sichuan registers a supporting unit and a mining team (PROPOSED)
        String unit = Http.call("POST", url("teams-api", "/api/v1/supporting-units"), sichuan, Bodies.unit("510000")).expect(201).path("id").asText();
        String team = Http.call("POST", url("teams-api", "/api/v1/teams"), sichuan, Bodies.team("510000", unit)).expect(201).path("id").asText();
        assertEquals("PROPOSED", Http.get(url("teams-api", "/api/v1/teams/" + team), national).expect(200).path("status").asText());

        // the unit's user, onboarded by an administrator: level unit, attribute org = the unit's id
        RealmAdmin admin = new RealmAdmin(suite.keycloak);
        String username = "unit-" + unit.substring(0, 8);
        String password = admin.user(username, "unit", Map.of("org", List.of(unit)));
        suite.secrets.set("test-users", username, password);
        String enterprise = Http.passwordToken(suite.keycloak.tokenUrl(), username, password);
        assertEquals(unit, Http.claims(enterprise).path("org").asText());
        Http.call("POST", url("teams-api", "/api/v1/teams/" + team + "/members"), enterprise, Map.of("name", "张伟", "role", "COMMANDER",
                "talentType", "COMMAND", "idNumber", Bodies.idNumber(), "phone", "13800138000", "joinedOn", "2018-07-01")).expect(201);

        // equipment-api: national publishes the mining configuration; the unit registers breathing apparatus
        Http.call("POST", url("equipment-api", "/api/v1/standard-configurations"), national, Map.of("category", "MINING",
                "title", "矿山救护队装备配备标准（端到端）", "lines", List.of(
                        Map.of("equipmentTypeCode", "RESP-SCBA-4H", "minimumQuantity", 4),
                        Map.of("equipmentTypeCode", "DET-GAS-MULTI", "minimumQuantity", 2)))).expect(201);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (int i = 1; i <= 4; i++) {
            // equipment-api asks teams-api whether the team exists and is the unit's, with its own service account
            Http.call("POST", url("equipment-api", "/api/v1/teams/" + team + "/equipment"), enterprise, Map.of(
                    "equipmentTypeCode", "RESP-SCBA-4H", "serialNumber", "HY4-" + Bodies.next() + "-" + i, "status", "IN_SERVICE",
                    "acquiredOn", "2025-06-01", "lastInspectedOn", today)).expect(201);
        }
        JsonNode compliance = Http.get(url("equipment-api", "/api/v1/teams/" + team + "/compliance"), sichuan).expect(200);
        List<String> gaps = new ArrayList<>();
        compliance.path("lines").forEach(line -> {
            if (line.path("gap").asInt() > 0) {
                gaps.add(line.path("equipmentTypeCode").asText());
            }
        });
        assertEquals(List.of("DET-GAS-MULTI"), gaps, compliance.toString());

        // assessment-api: national schedules an acceptance assessment with the published mine-rescue standard, for
        // the assessor organisation of the realm's assessor system (its org attribute)
        String assessor = IdentityIT.assessorSystem();
        String assessorOrg = Http.claims(assessor).path("org").asText();
        String standardId = Http.get(url("assessment-api", "/api/v1/standards?category=MINING&status=PUBLISHED"), national)
                .expect(200).path("items").path(0).path("id").asText();
        JsonNode standard = Http.get(url("assessment-api", "/api/v1/standards/" + standardId), national).expect(200);
        String assessment = Http.call("POST", url("assessment-api", "/api/v1/assessments"), national, Map.of("teamId", team,
                "type", "ACCEPTANCE", "standardId", standardId, "assessorOrgId", assessorOrg,
                "dueOn", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString())).expect(201).path("id").asText();

        // the third-party assessor submits its evaluation; the equipment indicator comes from equipment-api
        List<Map<String, Object>> scores = new ArrayList<>();
        for (JsonNode section : standard.path("sections")) {
            for (JsonNode indicator : section.path("indicators")) {
                if (!"MANUAL".equals(indicator.path("source").asText())) {
                    continue;
                }
                Map<String, Object> score = new LinkedHashMap<>();
                score.put("indicatorCode", indicator.path("code").asText());
                score.put("score", Math.round(indicator.path("maxScore").asDouble() * 0.95 * 10) / 10.0);
                if (indicator.path("veto").asBoolean()) {
                    score.put("vetoTriggered", false);
                }
                if (indicator.path("evidenceRequired").asBoolean()) {
                    score.put("evidence", List.of("evidence://e2e/" + indicator.path("code").asText()));
                }
                scores.add(score);
            }
        }
        assertFalse(scores.isEmpty(), "the standard has manual indicators: " + standard);
        Http.Answer evaluation = Http.call("PUT", url("assessment-api", "/api/v1/assessments/" + assessment + "/evaluation"), assessor,
                Map.of("leadAssessor", "李明华", "comments", "端到端评估", "scores", scores));
        assertTrue(evaluation.status() == 200 || evaluation.status() == 201, evaluation.status() + " " + evaluation.body());

        // national finalizes
        JsonNode result = Http.call("POST", url("assessment-api", "/api/v1/assessments/" + assessment + "/finalization"), national,
                Map.of("reason", "评估组意见一致，同意定级")).expect(200);
        String grade = result.path("grade").asText();
        assertFalse(grade.isBlank(), result.toString());

        // teams-api: the grade reaches the team through assessment-api's outbox (it polls every 5 s in prod)
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode now = null;
        while (System.nanoTime() < deadline) {
            now = Http.get(url("teams-api", "/api/v1/teams/" + team), national).expect(200);
            if (grade.equals(now.path("grade").asText())) {
                System.out.printf("[e2e] flow: team %s is %s with grade %s valid until %s%n", team, now.path("status").asText(), grade,
                        now.path("gradeValidUntil").asText());
                assertEquals("ACTIVE", now.path("status").asText(), "an accepted team is active: " + now);
                return;
            }
            Processes.sleep(1000);
        }
        fail("the team did not show grade " + grade + " within 90 s: " + now + "\nassessment-api's log:\n"
                + Processes.tail(suite.service("assessment-api").log, 40));
    }
}
