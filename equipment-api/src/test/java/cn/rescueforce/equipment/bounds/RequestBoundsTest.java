package cn.rescueforce.equipment.bounds;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import cn.rescueforce.equipment.support.Teams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * The bounds of openapi/equipment-api.yaml (maxLength, maxItems, minimum/maximum) are enforced before anything
 * runs: a 400 validation problem naming the field, and nothing changed.
 */
@QuarkusTest
class RequestBoundsTest {

    static final String OWNER = Tokens.provincial("510000");

    @Test
    void aMaterialLongerThan200CharactersIsRefusedAndNoLineIsReceived() {
        UUID depot = Fixtures.provincialDepot("510000");
        Map<String, Object> receipt = Map.of("material", "氧".repeat(201), "batch", "B-" + Fixtures.next(), "quantity", 5, "unit", "个");
        invalid(given().auth().oauth2(OWNER).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(receipt).post("/api/v1/depots/" + depot + "/stock").then(), "material");
        given().auth().oauth2(OWNER).get("/api/v1/depots/" + depot + "/stock").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anAdjustmentBeyondItsRangeIsRefusedAndTheStockStays() {
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(OWNER, depot, 50, 0, null);
        invalid(given().auth().oauth2(OWNER).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("delta", 100_000_001, "reason", "入库"))
                .post("/api/v1/depots/" + depot + "/stock/" + line + "/adjustments").then(), "delta");
        invalid(given().auth().oauth2(OWNER).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("delta", 5, "reason", "理".repeat(501)))
                .post("/api/v1/depots/" + depot + "/stock/" + line + "/adjustments").then(), "reason");
        given().auth().oauth2(OWNER).get("/api/v1/depots/" + depot + "/stock").then().statusCode(200)
                .body("items[0].quantity", equalTo(50));
        given().auth().oauth2(OWNER).queryParam("stockLineId", line).get("/api/v1/stock-ledger").then().statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void aCallUpOfMoreThan50LinesIsRefusedAndNothingIsRequested() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        UUID depot = Fixtures.provincialDepot("510000");
        UUID line = Fixtures.stock(OWNER, depot, 100, 0, null);
        Map<String, Object> body = new HashMap<>(Fixtures.callUpBody(depot, team.id(), line, 1));
        body.put("lines", Collections.nCopies(51, Map.of("stockLineId", line.toString(), "quantity", 1)));
        invalid(given().auth().oauth2(Tokens.unit(team.unitId())).contentType(ContentType.JSON).body(body)
                .post("/api/v1/call-ups").then(), "lines");
        Map<String, Object> tooMany = new HashMap<>(Fixtures.callUpBody(depot, team.id(), line, 100_000_001));
        invalid(given().auth().oauth2(Tokens.unit(team.unitId())).contentType(ContentType.JSON).body(tooMany)
                .post("/api/v1/call-ups").then(), "lines[0].quantity");
        given().auth().oauth2(OWNER).queryParam("teamId", team.id()).get("/api/v1/call-ups").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void aConfigurationWithAnOutOfRangeMinimumOrTooManyLinesIsRefusedAndNothingIsPublished() {
        String code = Fixtures.equipmentType(null, null);
        String national = Tokens.national();
        int published = given().auth().oauth2(national).queryParam("category", "OTHER").get("/api/v1/standard-configurations")
                .then().statusCode(200).extract().path("total");
        invalid(given().auth().oauth2(national).contentType(ContentType.JSON)
                .body(Map.of("category", "OTHER", "title", "测试配备标准",
                        "lines", List.of(Map.of("equipmentTypeCode", code, "minimumQuantity", 100_001))))
                .post("/api/v1/standard-configurations").then(), "lines[0].minimumQuantity");
        invalid(given().auth().oauth2(national).contentType(ContentType.JSON)
                .body(Map.of("category", "OTHER", "title", "测试配备标准",
                        "lines", Collections.nCopies(201, Map.of("equipmentTypeCode", code, "minimumQuantity", 1))))
                .post("/api/v1/standard-configurations").then(), "lines");
        given().auth().oauth2(national).queryParam("category", "OTHER").get("/api/v1/standard-configurations")
                .then().statusCode(200).body("total", equalTo(published));
    }

    @Test
    void anOverlongNoteOrSerialNumberIsRefusedAndNoItemIsRegistered() {
        Teams.Team team = Teams.team("510000", Teams.MINING);
        String unit = Tokens.unit(team.unitId());
        Map<String, Object> item = Fixtures.itemBody(Fixtures.equipmentType(30, 96), "2024-01-10");
        item.put("note", "备".repeat(501));
        invalid(given().auth().oauth2(unit).contentType(ContentType.JSON).body(item)
                .post("/api/v1/teams/" + team.id() + "/equipment").then(), "note");
        item.remove("note");
        item.put("serialNumber", "S".repeat(101));
        invalid(given().auth().oauth2(unit).contentType(ContentType.JSON).body(item)
                .post("/api/v1/teams/" + team.id() + "/equipment").then(), "serialNumber");
        given().auth().oauth2(unit).get("/api/v1/teams/" + team.id() + "/equipment").then().statusCode(200).body("total", equalTo(0));
    }

    private static void invalid(ValidatableResponse response, String field) {
        response.statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "validation")).body("errors.field", hasItem(field));
    }
}
