package cn.rescueforce.equipment.compliance;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import cn.rescueforce.equipment.support.Teams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/** {@code POST /api/v1/compliance-summary}: each team as its own compliance report measures it, averaged and ranked. */
@QuarkusTest
class ComplianceSummaryTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void eachTeamMeasuresAsItsReportAndTheSummaryAveragesAndRanksThem() {
        Teams.Team full = Teams.team("510000", Teams.HAZARDOUS_CHEMICALS);
        Teams.Team short1 = Teams.team("510000", Teams.HAZARDOUS_CHEMICALS);
        Teams.Team empty = Teams.team("510000", Teams.HAZARDOUS_CHEMICALS);
        String suits = Fixtures.equipmentType(180, 60);
        String detectors = Fixtures.equipmentType(180, 60);
        Map<String, Integer> minimums = new LinkedHashMap<>();
        minimums.put(suits, 4);
        minimums.put(detectors, 2);
        Fixtures.configuration(Teams.HAZARDOUS_CHEMICALS, minimums);
        String recent = TODAY.minusDays(10).toString();
        for (int i = 0; i < 3; i++) {
            Fixtures.item(full, Fixtures.itemBody(suits, recent));
            Fixtures.item(full, Fixtures.itemBody(detectors, recent)); // a third detector does not make up for a suit
        }
        Fixtures.item(short1, Fixtures.itemBody(suits, recent));
        Map<String, Object> maintained = Fixtures.itemBody(detectors, recent);
        maintained.put("status", "UNDER_MAINTENANCE");
        Fixtures.item(short1, maintained);

        float fullPercent = report(full.id());
        float shortPercent = report(short1.id());
        float emptyPercent = report(empty.id());
        Map<String, Object> body = Map.of("teams", List.of(team(full.id()), team(short1.id()), team(empty.id()), team(full.id())), "lowest", 2);
        for (String token : List.of(Tokens.service(), Tokens.national())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/compliance-summary").then()
                    .statusCode(200)
                    .body("measuredTeams", equalTo(3))
                    .body("unmeasuredTeams", equalTo(0))
                    .body("averagePercent", equalTo(Math.round((fullPercent + shortPercent + emptyPercent) * 10 / 3) / 10.0f))
                    .body("lowest.size()", equalTo(2))
                    .body("lowest[0].teamId", equalTo(empty.id().toString()))
                    .body("lowest[0].compliancePercent", equalTo(emptyPercent))
                    .body("lowest[1].teamId", equalTo(short1.id().toString()))
                    .body("lowest[1].compliancePercent", equalTo(shortPercent))
                    .body("lowest[1].category", equalTo("HAZARDOUS_CHEMICALS"));
        }
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON).body(Map.of("teams", List.of()))
                .post("/api/v1/compliance-summary").then().statusCode(200)
                .body("measuredTeams", equalTo(0)).body("averagePercent", nullValue()).body("lowest.size()", equalTo(0));
    }

    @Test
    void onlyTheLevelsThatSeeEveryTeamMayNameTeams() {
        Map<String, Object> body = Map.of("teams", List.of(team(UUID.randomUUID())));
        for (String token : List.of(Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(UUID.randomUUID()),
                Tokens.assessor(UUID.randomUUID()))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/compliance-summary").then()
                    .statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        }
        given().contentType(ContentType.JSON).body(body).post("/api/v1/compliance-summary").then().statusCode(401);
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON).body(Map.of("teams", List.of(team(UUID.randomUUID())), "lowest", 51))
                .post("/api/v1/compliance-summary").then().statusCode(400).body("errors.field", hasItem("lowest"));
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON)
                .body(Map.of("teams", List.of(Map.of("teamId", "not-a-uuid", "category", "MINING"))))
                .post("/api/v1/compliance-summary").then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON).body(Map.of("lowest", 3))
                .post("/api/v1/compliance-summary").then().statusCode(400).body("errors.field", hasItem("teams"));
    }

    private static Map<String, Object> team(UUID id) {
        return Map.of("teamId", id.toString(), "category", Teams.HAZARDOUS_CHEMICALS);
    }

    private static float report(UUID team) {
        return given().auth().oauth2(Tokens.service()).get("/api/v1/teams/" + team + "/compliance").then().statusCode(200)
                .extract().path("compliancePercent");
    }
}
