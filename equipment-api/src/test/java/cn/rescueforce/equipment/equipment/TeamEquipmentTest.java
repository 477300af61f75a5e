package cn.rescueforce.equipment.equipment;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import cn.rescueforce.equipment.support.Teams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class TeamEquipmentTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void everyLevelInScopeRegistersEquipmentAndOutOfScopeIs404() {
        Teams.Team mining = Teams.team("140000", Teams.MINING);
        String type = Fixtures.equipmentType(30, 96);
        for (String token : List.of(Tokens.national(), Tokens.provincial("140000"), Tokens.mineSafety("140000"), Tokens.unit(mining.unitId()))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.itemBody(type, "2024-01-10"))
                    .post("/api/v1/teams/" + mining.id() + "/equipment").then().statusCode(201)
                    .body("teamId", equalTo(mining.id().toString())).body("province", equalTo("140000"));
        }
        for (String token : List.of(Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(UUID.randomUUID()))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.itemBody(type, "2024-01-10"))
                    .post("/api/v1/teams/" + mining.id() + "/equipment").then().statusCode(404)
                    .body("type", equalTo(PROBLEMS + "not-found"));
        }
        for (String token : List.of(Tokens.assessor(UUID.randomUUID()), Tokens.service())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.itemBody(type, "2024-01-10"))
                    .post("/api/v1/teams/" + mining.id() + "/equipment").then().statusCode(403)
                    .body("type", equalTo(PROBLEMS + "forbidden"));
        }
    }

    @Test
    void mineSafetySeesOnlyMiningTeamsOfItsProvince() {
        Teams.Team chemicals = Teams.team("140000", Teams.HAZARDOUS_CHEMICALS);
        given().auth().oauth2(Tokens.mineSafety("140000")).get("/api/v1/teams/" + chemicals.id() + "/equipment").then().statusCode(404);
        given().auth().oauth2(Tokens.provincial("140000")).get("/api/v1/teams/" + chemicals.id() + "/equipment").then().statusCode(200);
    }

    @Test
    void readingFollowsTheTeamScopeAndServiceReadsAnyTeam() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        String item = Fixtures.item(team, Fixtures.itemBody("RESP-SCBA-4H", "2024-01-10"));
        for (String token : List.of(Tokens.national(), Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(team.unitId()), Tokens.service())) {
            given().auth().oauth2(token).get("/api/v1/teams/" + team.id() + "/equipment").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(item));
            given().auth().oauth2(token).get("/api/v1/teams/" + team.id() + "/equipment/" + item).then().statusCode(200)
                    .body("equipmentTypeName", equalTo("4小时正压氧气呼吸器"));
        }
        for (String token : List.of(Tokens.provincial("140000"), Tokens.mineSafety("140000"), Tokens.unit(UUID.randomUUID()))) {
            given().auth().oauth2(token).get("/api/v1/teams/" + team.id() + "/equipment").then().statusCode(404);
            given().auth().oauth2(token).get("/api/v1/teams/" + team.id() + "/equipment/" + item).then().statusCode(404);
        }
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/teams/" + team.id() + "/equipment").then().statusCode(403);
        Teams.Team other = Teams.team("510000", Teams.MINING, team.unitId());
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + other.id() + "/equipment/" + item).then().statusCode(404);
    }

    @Test
    void aTeamUnknownToTeamsApiIs404() {
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + UUID.randomUUID() + "/equipment")
                .then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void nextInspectionAndExpiryAreComputedFromTheType() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        String type = Fixtures.equipmentType(30, 96);
        Map<String, Object> body = Fixtures.itemBody(type, "2024-01-10");
        body.put("lastInspectedOn", "2024-03-01");
        given().auth().oauth2(Tokens.unit(team.unitId())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/teams/" + team.id() + "/equipment").then().statusCode(201)
                .body("status", equalTo("IN_SERVICE"))
                .body("expiresOn", equalTo("2032-01-10"))
                .body("nextInspectionDue", equalTo("2024-03-31"))
                .body("inspectionOverdue", equalTo(true));
    }

    @Test
    void aSerialNumberIsUniquePerType() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        Map<String, Object> body = Fixtures.itemBody("DET-GAS-MULTI", "2024-01-10");
        Fixtures.item(team, body);
        given().auth().oauth2(Tokens.unit(team.unitId())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/teams/" + team.id() + "/equipment").then().statusCode(409).body("type", equalTo(PROBLEMS + "duplicate-serial-number"));
        Map<String, Object> sameSerialOtherType = Fixtures.itemBody("DET-CH4-LASER", "2024-01-10");
        sameSerialOtherType.put("serialNumber", body.get("serialNumber"));
        Fixtures.item(team, sameSerialOtherType);
    }

    @Test
    void badItemsAreRejectedNamingTheField() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        String path = "/api/v1/teams/" + team.id() + "/equipment";
        String unit = Tokens.unit(team.unitId());
        given().auth().oauth2(unit).contentType(ContentType.JSON).body(Fixtures.itemBody("NO-SUCH-TYPE", "2024-01-10"))
                .post(path).then().statusCode(400).body("errors.field", hasItem("equipmentTypeCode"));
        given().auth().oauth2(unit).contentType(ContentType.JSON).body(Fixtures.itemBody("RESP-SCBA-4H", TODAY.plusDays(3).toString()))
                .post(path).then().statusCode(400).body("errors.field", hasItem("acquiredOn"));
        given().auth().oauth2(unit).contentType(ContentType.JSON).body(Fixtures.itemBody("RESP-SCBA-4H", "10/01/2024"))
                .post(path).then().statusCode(400).body("errors.field", hasItem("acquiredOn"));
        Map<String, Object> status = Fixtures.itemBody("RESP-SCBA-4H", "2024-01-10");
        status.put("status", "BROKEN");
        given().auth().oauth2(unit).contentType(ContentType.JSON).body(status)
                .post(path).then().statusCode(400).body("errors.field", hasItem("status"));
        given().auth().oauth2(unit).get("/api/v1/teams/not-a-team/equipment").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation"));
        given().auth().oauth2(Tokens.national()).get(path).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void inspectionsMoveTheDueDateAndFailuresSendTheItemToMaintenance() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        String type = Fixtures.equipmentType(30, 96);
        String item = Fixtures.item(team, Fixtures.itemBody(type, "2024-01-10"));
        String path = "/api/v1/teams/" + team.id() + "/equipment/" + item;
        String unit = Tokens.unit(team.unitId());
        given().auth().oauth2(unit).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "performedOn", TODAY.minusDays(1).toString(), "result", "FAILED", "inspector", "张伟"))
                .post(path + "/inspections").then().statusCode(201).body("result", equalTo("FAILED"));
        given().auth().oauth2(unit).get(path).then().statusCode(200).body("status", equalTo("UNDER_MAINTENANCE"));
        given().auth().oauth2(unit).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "performedOn", TODAY.toString(), "result", "PASSED"))
                .post(path + "/inspections").then().statusCode(201);
        given().auth().oauth2(unit).get(path).then().statusCode(200)
                .body("status", equalTo("IN_SERVICE"))
                .body("lastInspectedOn", equalTo(TODAY.toString()))
                .body("nextInspectionDue", equalTo(TODAY.plusDays(30).toString()))
                .body("inspectionOverdue", equalTo(false));
        given().auth().oauth2(Tokens.service()).get(path + "/inspections").then().statusCode(200)
                .body("total", equalTo(2)).body("items[0].result", equalTo("PASSED"));
        given().auth().oauth2(unit).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "performedOn", TODAY.plusDays(1).toString(), "result", "PASSED"))
                .post(path + "/inspections").then().statusCode(400).body("errors.field", hasItem("performedOn"));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "performedOn", TODAY.toString(), "result", "PASSED"))
                .post(path + "/inspections").then().statusCode(404);
        given().auth().oauth2(Tokens.service()).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "performedOn", TODAY.toString(), "result", "PASSED"))
                .post(path + "/inspections").then().statusCode(403);
    }

    @Test
    void updatesNeedTheCurrentETagAndARetiredItemNoLongerChanges() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        String item = Fixtures.item(team, Fixtures.itemBody("RESP-SCBA-4H", "2024-01-10"));
        String path = "/api/v1/teams/" + team.id() + "/equipment/" + item;
        String unit = Tokens.unit(team.unitId());
        given().auth().oauth2(unit).contentType(ContentType.JSON).body(Map.of("status", "RETIRED"))
                .put(path).then().statusCode(428);
        given().auth().oauth2(unit).contentType(ContentType.JSON).header("If-Match", "\"3\"").body(Map.of("status", "RETIRED"))
                .put(path).then().statusCode(412);
        given().auth().oauth2(Tokens.provincial("140000")).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("status", "RETIRED"))
                .put(path).then().statusCode(404);
        given().auth().oauth2(unit).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(Map.of("status", "RETIRED"))
                .put(path).then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("RETIRED"));
        given().auth().oauth2(unit).contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Map.of("status", "IN_SERVICE"))
                .put(path).then().statusCode(409).body("type", equalTo(PROBLEMS + "invalid-transition"));
        given().auth().oauth2(unit).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "performedOn", TODAY.toString(), "result", "PASSED"))
                .post(path + "/inspections").then().statusCode(409);
    }

    @Test
    void overdueAndExpiringListsFollowTheCallersScope() {
        Teams.Team sichuan = Teams.team("510000", Teams.MINING);
        Teams.Team shanxi = Teams.team("140000", Teams.MINING);
        String type = Fixtures.equipmentType(30, 24);
        String old = "2020-01-10"; // inspected never, due 30 days after acquisition; expired after 24 months
        String sichuanItem = Fixtures.item(sichuan, Fixtures.itemBody(type, old));
        String shanxiItem = Fixtures.item(shanxi, Fixtures.itemBody(type, old));
        given().auth().oauth2(Tokens.national()).queryParam("size", 200).queryParam("teamId", sichuan.id())
                .get("/api/v1/equipment-alerts/overdue-inspections").then().statusCode(200)
                .body("items.id", hasItem(sichuanItem)).body("items.inspectionOverdue", everyItem(equalTo(true)));
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("size", 200)
                .get("/api/v1/equipment-alerts/overdue-inspections").then().statusCode(200)
                .body("items.id", hasItem(sichuanItem)).body("items.id", not(hasItem(shanxiItem)))
                .body("items.province", everyItem(equalTo("510000")));
        given().auth().oauth2(Tokens.unit(shanxi.unitId())).queryParam("size", 200)
                .get("/api/v1/equipment-alerts/overdue-inspections").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(shanxiItem));
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("province", "140000")
                .get("/api/v1/equipment-alerts/overdue-inspections").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.mineSafety("140000")).queryParam("size", 200).queryParam("withinDays", 30)
                .get("/api/v1/equipment-alerts/expiring").then().statusCode(200)
                .body("items.id", hasItem(shanxiItem)).body("items.province", everyItem(equalTo("140000")));
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/equipment-alerts/expiring").then().statusCode(403);
        given().auth().oauth2(Tokens.national()).queryParam("withinDays", -1).get("/api/v1/equipment-alerts/expiring")
                .then().statusCode(400).body("errors.field", hasItem("withinDays"));
        given().auth().oauth2(Tokens.national()).queryParam("province", "99").get("/api/v1/equipment-alerts/overdue-inspections")
                .then().statusCode(400).body("errors.field", hasItem("province"));
    }
}
