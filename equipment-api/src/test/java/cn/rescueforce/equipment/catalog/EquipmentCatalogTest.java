package cn.rescueforce.equipment.catalog;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class EquipmentCatalogTest {

    static List<String> everyLevel() {
        return List.of(Tokens.national(), Tokens.provincial("510000"), Tokens.mineSafety("140000"), Tokens.unit(UUID.randomUUID()),
                Tokens.assessor(UUID.randomUUID()), Tokens.service());
    }

    @Test
    void theStarterCatalogIsReadableByEveryLevel() {
        for (String token : everyLevel()) {
            given().auth().oauth2(token).queryParam("size", 200).get("/api/v1/equipment-types")
                    .then().statusCode(200)
                    .body("total", greaterThanOrEqualTo(30))
                    .body("items.code", hasItems("RESP-SCBA-4H", "DET-GAS-MULTI", "COMM-MINE-WIRELESS", "TOOL-HYD-SPREADER",
                            "DRAIN-PUMP-SUB", "MED-KIT-TRAUMA", "VEH-RESCUE-MINE", "PROT-CHEM-SUIT-A"));
            given().auth().oauth2(token).get("/api/v1/equipment-types/RESP-SCBA-4H")
                    .then().statusCode(200).body("name", equalTo("4小时正压氧气呼吸器")).body("inspectionIntervalDays", equalTo(30));
        }
    }

    @Test
    void theCatalogFiltersByGroupAndText() {
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).queryParam("group", "DETECTION").queryParam("size", 200)
                .get("/api/v1/equipment-types").then().statusCode(200)
                .body("items.group", everyItem(equalTo("DETECTION"))).body("items.code", hasItem("DET-GAS-MULTI"));
        given().auth().oauth2(Tokens.national()).queryParam("q", "呼吸器").get("/api/v1/equipment-types")
                .then().statusCode(200).body("items.code", hasItem("RESP-SCBA-4H"));
    }

    @Test
    void withoutATokenTheCatalogAnswers401() {
        given().get("/api/v1/equipment-types").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "unauthorized"));
    }

    @Test
    void nationalAddsATypeAndEveryOtherLevelIsForbidden() {
        for (String token : List.of(Tokens.provincial("510000"), Tokens.mineSafety("140000"), Tokens.unit(UUID.randomUUID()),
                Tokens.assessor(UUID.randomUUID()), Tokens.service())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(typeBody("FORBIDDEN-" + Fixtures.next()))
                    .post("/api/v1/equipment-types").then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "forbidden"));
        }
        String code = "DRAIN-PUMP-" + Fixtures.next();
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(typeBody(code))
                .post("/api/v1/equipment-types").then().statusCode(201)
                .header("Location", endsWith("/api/v1/equipment-types/" + code)).header("ETag", "\"0\"")
                .body("code", equalTo(code)).body("group", equalTo("DRAINAGE"));
    }

    /** Found by the contract fuzzer (bench/fuzz.sh): {"code": 12345} created a type with the code "12345". */
    @Test
    void aValueOfTheWrongJsonTypeIsRefusedAndNothingIsCreated() {
        String code = "WRONG-TYPE-" + Fixtures.next();
        Map<String, Object> numericCode = typeBody(code);
        numericCode.put("code", 12345);
        Map<String, Object> textualDays = typeBody(code);
        textualDays.put("inspectionIntervalDays", "90");
        Map<String, Object> fractionalDays = typeBody(code);
        fractionalDays.put("inspectionIntervalDays", 90.5);
        for (Map<String, Object> body : List.of(numericCode, textualDays, fractionalDays)) {
            given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/equipment-types").then().statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "validation"));
        }
        given().auth().oauth2(Tokens.national()).get("/api/v1/equipment-types/12345").then().statusCode(404);
        given().auth().oauth2(Tokens.national()).get("/api/v1/equipment-types/" + code).then().statusCode(404);
        given().auth().oauth2(Tokens.national()).queryParam("size", "２０").get("/api/v1/equipment-types").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo(PROBLEMS + "validation"));
    }

    @Test
    void aTakenCodeIsRefusedAsTaken() {
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(typeBody("RESP-SCBA-4H"))
                .post("/api/v1/equipment-types").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "equipment-type-code-taken")).body("title", equalTo("Equipment type code taken"));
    }

    @Test
    void anUnknownGroupAndABadCodeAreRejectedNamingTheField() {
        Map<String, Object> body = typeBody("GOOD-" + Fixtures.next());
        body.put("group", "WEAPONS");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/equipment-types").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")).body("errors.field", hasItem("group"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(typeBody("bad code"))
                .post("/api/v1/equipment-types").then().statusCode(400).body("errors.field", hasItem("code"));
        Map<String, Object> negative = typeBody("GOOD-" + Fixtures.next());
        negative.put("inspectionIntervalDays", 0);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(negative)
                .post("/api/v1/equipment-types").then().statusCode(400).body("errors.field", hasItem("inspectionIntervalDays"));
    }

    @Test
    void updatesNeedTheCurrentETagAndNeverChangeTheCode() {
        String code = Fixtures.equipmentType(90, 60);
        Map<String, Object> body = typeBody(code);
        body.put("inspectionIntervalDays", 30);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/equipment-types/" + code).then().statusCode(428).body("type", equalTo(PROBLEMS + "precondition-required"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", "\"5\"").body(body)
                .put("/api/v1/equipment-types/" + code).then().statusCode(412);
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/equipment-types/" + code).then().statusCode(403);
        Map<String, Object> renamed = new HashMap<>(body);
        renamed.put("code", "OTHER-" + Fixtures.next());
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(renamed)
                .put("/api/v1/equipment-types/" + code).then().statusCode(400).body("errors.field", hasItem("code"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/equipment-types/" + code).then().statusCode(200)
                .header("ETag", "\"1\"").body("inspectionIntervalDays", equalTo(30));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).header("If-None-Match", "\"1\"")
                .get("/api/v1/equipment-types/" + code).then().statusCode(304);
    }

    @Test
    void anUnknownTypeIs404() {
        given().auth().oauth2(Tokens.national()).get("/api/v1/equipment-types/NO-SUCH-TYPE")
                .then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
    }

    @Test
    void aReplayedIdempotencyKeyReturnsTheFirstTypeAndADifferentBodyIs422() {
        String code = "IDEM-" + Fixtures.next();
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", "type-" + code)
                .body(typeBody(code)).post("/api/v1/equipment-types").then().statusCode(201);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", "type-" + code)
                .body(typeBody(code)).post("/api/v1/equipment-types").then().statusCode(201).header("Idempotent-Replayed", "true");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", "type-" + code)
                .body(typeBody(code + "-2")).post("/api/v1/equipment-types").then().statusCode(422)
                .body("type", equalTo(PROBLEMS + "idempotency-key-reused"));
    }

    static Map<String, Object> typeBody(String code) {
        return new HashMap<>(Map.of("code", code, "name", "大流量潜水排水泵", "group", "DRAINAGE", "unit", "台",
                "inspectionIntervalDays", 90, "serviceLifeMonths", 120));
    }
}
