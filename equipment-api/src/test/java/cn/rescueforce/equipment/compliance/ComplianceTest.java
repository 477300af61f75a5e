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
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ComplianceTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void theReportListsRequiredInServiceAndGapPerTypeWithAPercentage() {
        Teams.Team team = Teams.team("510000", Teams.HAZARDOUS_CHEMICALS);
        String suits = Fixtures.equipmentType(180, 60);
        String detectors = Fixtures.equipmentType(180, 60);
        Map<String, Integer> minimums = new LinkedHashMap<>();
        minimums.put(suits, 4);
        minimums.put(detectors, 2);
        String configuration = Fixtures.configuration(Teams.HAZARDOUS_CHEMICALS, minimums);
        String recent = TODAY.minusDays(10).toString();
        for (int i = 0; i < 3; i++) {
            Fixtures.item(team, Fixtures.itemBody(suits, recent));
        }
        Fixtures.item(team, Fixtures.itemBody(detectors, recent));
        Fixtures.item(team, Fixtures.itemBody(detectors, recent));
        Fixtures.item(team, Fixtures.itemBody(detectors, recent)); // a third detector does not make up for a missing suit
        Map<String, Object> maintained = Fixtures.itemBody(suits, recent);
        maintained.put("status", "UNDER_MAINTENANCE");
        Fixtures.item(team, maintained);
        Map<String, Object> expired = Fixtures.itemBody(suits, "2020-01-01");
        expired.put("expiresOn", TODAY.toString());
        expired.put("lastInspectedOn", TODAY.minusDays(1).toString());
        Fixtures.item(team, expired);

        given().auth().oauth2(Tokens.service()).get("/api/v1/teams/" + team.id() + "/compliance")
                .then().statusCode(200)
                .body("teamId", equalTo(team.id().toString()))
                .body("category", equalTo("HAZARDOUS_CHEMICALS"))
                .body("province", equalTo("510000"))
                .body("configurationId", equalTo(configuration))
                .body("lines[0].equipmentTypeCode", equalTo(suits))
                .body("lines[0].required", equalTo(4))
                .body("lines[0].inService", equalTo(3))
                .body("lines[0].gap", equalTo(1))
                .body("lines[1].equipmentTypeCode", equalTo(detectors))
                .body("lines[1].inService", equalTo(3))
                .body("lines[1].gap", equalTo(0))
                .body("requiredTotal", equalTo(6))
                .body("inServiceTotal", equalTo(5))
                .body("gapTotal", equalTo(1))
                .body("compliancePercent", equalTo(83.3f))
                .body("overdueInspections.count", equalTo(0))
                .body("compliant", equalTo(false))
                .body("generatedAt", notNullValue());
    }

    @Test
    void overdueInspectionsAreListedWithTheirDaysOverdue() {
        Teams.Team team = Teams.team("510000", Teams.HAZARDOUS_CHEMICALS);
        String type = Fixtures.equipmentType(30, 96);
        Fixtures.configuration(Teams.HAZARDOUS_CHEMICALS, Map.of(type, 1));
        Map<String, Object> body = Fixtures.itemBody(type, TODAY.minusDays(100).toString());
        body.put("lastInspectedOn", TODAY.minusDays(40).toString());
        String item = Fixtures.item(team, body);
        given().auth().oauth2(Tokens.unit(team.unitId())).get("/api/v1/teams/" + team.id() + "/compliance")
                .then().statusCode(200)
                .body("lines[0].gap", equalTo(0))
                .body("compliancePercent", equalTo(100.0f))
                .body("overdueInspections.count", equalTo(1))
                .body("overdueInspections.items[0].itemId", equalTo(item))
                .body("overdueInspections.items[0].nextInspectionDue", equalTo(TODAY.minusDays(10).toString()))
                .body("overdueInspections.items[0].daysOverdue", equalTo(10))
                .body("compliant", equalTo(false));
    }

    @Test
    void everyLevelInScopeReadsTheReportOthersGet404AndAssessors403() {
        Teams.Team team = Teams.team("140000", Teams.MINING);
        Fixtures.configuration(Teams.MINING, Map.of("RESP-SCBA-4H", 2));
        for (String token : List.of(Tokens.national(), Tokens.provincial("140000"), Tokens.mineSafety("140000"),
                Tokens.unit(team.unitId()), Tokens.service())) {
            given().auth().oauth2(token).get("/api/v1/teams/" + team.id() + "/compliance").then().statusCode(200)
                    .body("lines[0].required", equalTo(2)).body("lines[0].gap", equalTo(2)).body("compliancePercent", equalTo(0.0f));
        }
        for (String token : List.of(Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(UUID.randomUUID()))) {
            given().auth().oauth2(token).get("/api/v1/teams/" + team.id() + "/compliance").then().statusCode(404)
                    .body("type", equalTo(PROBLEMS + "not-found"));
        }
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/teams/" + team.id() + "/compliance")
                .then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        given().get("/api/v1/teams/" + team.id() + "/compliance").then().statusCode(401);
    }

    @Test
    void withoutAPublishedConfigurationTheReportIsAConflict() {
        // no test publishes a configuration for tunnel construction teams
        Teams.Team tunnel = Teams.team("510000", "TUNNEL_CONSTRUCTION");
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + tunnel.id() + "/compliance")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "no-standard-configuration"));
    }

    @Test
    void aMalformedTeamIdIs400() {
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).get("/api/v1/teams/123/compliance")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
    }
}
