package cn.rescueforce.assessment.changes;

import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.InjectDouble;
import cn.rescueforce.devkit.testing.TeamsApiDouble;
import cn.rescueforce.devkit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.assessment.support.Fixtures.HAZCHEM_STANDARD;
import static cn.rescueforce.assessment.support.Fixtures.MINING_STANDARD;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Each level sees in the feed exactly the changes of the objects it may read (Scope): an assessment and its
 * evaluation by the team's scope and the assigned assessor organisation, standards by everyone.
 */
@QuarkusTest
class ChangeScopeTest {

    @InjectDouble
    TeamsApiDouble teams;

    @Test
    void eachLevelSeesTheChangesOfWhatItMayRead() {
        UUID unitA = UUID.randomUUID();
        UUID unitB = UUID.randomUUID();
        UUID orgOne = UUID.randomUUID();
        UUID orgTwo = UUID.randomUUID();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("national", Tokens.national());
        tokens.put("provincial 510000", Tokens.provincial("510000"));
        tokens.put("provincial 330000", Tokens.provincial("330000"));
        tokens.put("mine-safety 510000", Tokens.mineSafety("510000"));
        tokens.put("unit A", Tokens.unit(unitA));
        tokens.put("unit B", Tokens.unit(unitB));
        tokens.put("assessor one", Tokens.assessor(orgOne));
        tokens.put("assessor two", Tokens.assessor(orgTwo));
        Map<String, String> cursors = new LinkedHashMap<>();
        tokens.forEach((who, token) -> cursors.put(who, Feed.cursor(token)));

        // a mining team of 510000 hosted by unit A, assessed by org one; a hazardous-chemicals team of 510000 hosted by
        // unit B, assessed by org two; a mining team of 330000 hosted by unit B, assessed by org one
        UUID miningA = Fixtures.schedule(Tokens.national(), teams.addTeam("510000", "MINING", unitA), MINING_STANDARD, orgOne, "PERIODIC");
        UUID chemicalB = Fixtures.schedule(Tokens.national(), teams.addTeam("510000", "HAZARDOUS_CHEMICALS", unitB), HAZCHEM_STANDARD, orgTwo, "PERIODIC");
        UUID mining330 = Fixtures.schedule(Tokens.national(), teams.addTeam("330000", "MINING", unitB), MINING_STANDARD, orgOne, "PERIODIC");
        Fixtures.submit(miningA, orgOne, Fixtures.evaluation(MINING_STANDARD, 0.8));
        UUID standard = Fixtures.draftStandard();
        List<UUID> ours = List.of(miningA, chemicalB, mining330, standard);

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("national", List.of(miningA + " assessment.scheduled", chemicalB + " assessment.scheduled",
                mining330 + " assessment.scheduled", miningA + " evaluation.submitted", standard + " standard.drafted"));
        expected.put("provincial 510000", List.of(miningA + " assessment.scheduled", chemicalB + " assessment.scheduled",
                miningA + " evaluation.submitted", standard + " standard.drafted"));
        expected.put("provincial 330000", List.of(mining330 + " assessment.scheduled", standard + " standard.drafted"));
        expected.put("mine-safety 510000", List.of(miningA + " assessment.scheduled", miningA + " evaluation.submitted",
                standard + " standard.drafted"));
        expected.put("unit A", List.of(miningA + " assessment.scheduled", miningA + " evaluation.submitted", standard + " standard.drafted"));
        expected.put("unit B", List.of(chemicalB + " assessment.scheduled", mining330 + " assessment.scheduled", standard + " standard.drafted"));
        expected.put("assessor one", List.of(miningA + " assessment.scheduled", mining330 + " assessment.scheduled",
                miningA + " evaluation.submitted", standard + " standard.drafted"));
        expected.put("assessor two", List.of(chemicalB + " assessment.scheduled", standard + " standard.drafted"));

        for (Map.Entry<String, String> reader : tokens.entrySet()) {
            String who = reader.getKey();
            Feed.Read feed = Feed.all(reader.getValue(), cursors.get(who));
            assertEquals(expected.get(who), feed.of(ours).stream().map(c -> c.get("entityId") + " " + c.get("type")).toList(), who);
            // and nothing of anyone else's, whatever else happened meanwhile
            for (Map<String, Object> change : feed.ofEntityType("Assessment")) {
                Map<String, Object> data = data(change);
                @SuppressWarnings("unchecked")
                Map<String, Object> team = (Map<String, Object>) data.get("team");
                switch (who) {
                    case "provincial 510000" -> assertEquals("510000", team.get("province"), who);
                    case "provincial 330000" -> assertEquals("330000", team.get("province"), who);
                    case "mine-safety 510000" -> assertEquals(List.of("510000", "MINING"), List.of(team.get("province"), team.get("category")), who);
                    case "unit A" -> assertEquals(unitA.toString(), team.get("supportingUnitId"), who);
                    case "unit B" -> assertEquals(unitB.toString(), team.get("supportingUnitId"), who);
                    case "assessor one" -> assertEquals(orgOne.toString(), data.get("assessorOrgId"), who);
                    case "assessor two" -> assertEquals(orgTwo.toString(), data.get("assessorOrgId"), who);
                    default -> {
                    }
                }
            }
        }
    }

    @Test
    void anAssessorIsShownAnAssessmentAsItsOwnReadAnswersIt() {
        UUID unit = UUID.randomUUID();
        UUID org = UUID.randomUUID();
        String assessorToken = Tokens.assessor(org);
        String start = Feed.cursor(assessorToken);
        String nationalStart = Feed.cursor(Tokens.national());
        UUID assessment = Fixtures.submitted(teams.addTeam("510000", "MINING", unit), org, 0.7, "PERIODIC");
        given().auth().oauth2(Tokens.national()).post("/api/v1/assessments/" + assessment + "/finalization").then().statusCode(200);
        given().auth().oauth2(Tokens.unit(unit)).contentType("application/json").body(Map.of("reason", "申请复核"))
                .post("/api/v1/assessments/" + assessment + "/appeal").then().statusCode(200);
        Map<String, Object> asAssessorReads = given().auth().oauth2(assessorToken).get("/api/v1/assessments/" + assessment)
                .then().statusCode(200).extract().jsonPath().getMap("$");

        List<Map<String, Object>> seen = Feed.all(assessorToken, start).of(List.of(assessment));
        assertEquals(List.of("assessment.scheduled", "evaluation.submitted", "assessment.finalized", "assessment.appealed"),
                seen.stream().map(c -> c.get("type")).toList());
        Map<String, Object> appealed = data(seen.get(3));
        assertEquals(asAssessorReads.get("appeal"), appealed.get("appeal"));
        assertEquals(asAssessorReads.get("team"), appealed.get("team"));
        assertEquals("unit", nested(appealed, "appeal").get("appealedBy"));
        for (Map<String, Object> change : seen) {
            if (change.get("entityType").equals("Assessment")) {
                assertNull(nested(data(change), "team").get("supportingUnitId"), "an assessor does not see the team's unit");
            }
        }
        // the feed keeps what a management level reads
        Map<String, Object> forNational = data(Feed.all(Tokens.national(), nationalStart).of(List.of(assessment)).get(3));
        assertEquals(unit.toString(), nested(forNational, "team").get("supportingUnitId"));
        assertEquals("unit-" + unit, nested(forNational, "appeal").get("appealedBy"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> change) {
        return (Map<String, Object>) change.get("data");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }
}
