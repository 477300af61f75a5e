package cn.rescueforce.teams.unit;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class SupportingUnitTest {

    @Test
    void nationalRegistersAUnitWithAValidCreditCode() {
        Map<String, Object> body = Registry.unitBody("510000");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/supporting-units")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/supporting-units/"))
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("creditCode", equalTo(body.get("creditCode")))
                .body("province", equalTo("510000"));
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterIsRejectedNamingTheField() {
        Map<String, Object> body = new HashMap<>(Registry.unitBody("510000"));
        String code = (String) body.get("creditCode");
        body.put("creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/supporting-units")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("errors.field", hasItem("creditCode"));
    }

    @Test
    void aDuplicateCreditCodeIsAConflict() {
        Map<String, Object> body = Registry.unitBody("510000");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body).post("/api/v1/supporting-units").then().statusCode(201);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body).post("/api/v1/supporting-units")
                .then().statusCode(409).body("type", equalTo("https://rescue-force.cn/problems/credit-code-taken"));
    }

    @Test
    void provincialRegistersUnitsOfItsOwnProvinceOnly() {
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON).body(Registry.unitBody("510000"))
                .post("/api/v1/supporting-units").then().statusCode(201);
        given().auth().oauth2(Tokens.provincial("510000")).contentType(ContentType.JSON).body(Registry.unitBody("140000"))
                .post("/api/v1/supporting-units").then().statusCode(403);
    }

    @Test
    void unitMineSafetyAndAssessorMayNotRegisterUnits() {
        for (String token : new String[]{Tokens.unit(UUID.randomUUID()), Tokens.mineSafety("510000"), Tokens.assessor(UUID.randomUUID())}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Registry.unitBody("510000"))
                    .post("/api/v1/supporting-units").then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void aUnitSeesItselfAndNoOtherUnit() {
        UUID mine = Registry.unit("510000");
        UUID other = Registry.unit("510000");
        given().auth().oauth2(Tokens.unit(mine)).get("/api/v1/supporting-units/" + mine).then().statusCode(200);
        given().auth().oauth2(Tokens.unit(mine)).get("/api/v1/supporting-units/" + other).then().statusCode(404);
        given().auth().oauth2(Tokens.unit(mine)).get("/api/v1/supporting-units")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(mine.toString()));
    }

    @Test
    void provincialListsOnlyUnitsOfItsProvince() {
        Registry.unit("140000");
        given().auth().oauth2(Tokens.provincial("510000")).queryParam("size", 200).get("/api/v1/supporting-units")
                .then().statusCode(200).body("items.province", everyItem(equalTo("510000")));
        UUID shanxi = Registry.unit("140000");
        given().auth().oauth2(Tokens.provincial("510000")).get("/api/v1/supporting-units/" + shanxi).then().statusCode(404);
        given().auth().oauth2(Tokens.mineSafety("140000")).get("/api/v1/supporting-units/" + shanxi).then().statusCode(200);
    }

    @Test
    void updatesNeedTheCurrentETag() {
        UUID unit = Registry.unit("510000");
        Map<String, Object> body = new HashMap<>(given().auth().oauth2(Tokens.national()).get("/api/v1/supporting-units/" + unit)
                .then().statusCode(200).extract().jsonPath().getMap(""));
        Map<String, Object> input = new HashMap<>();
        for (String field : new String[]{"name", "creditCode", "province", "address", "contactName"}) {
            input.put(field, body.get(field));
        }
        input.put("contactPhone", "028-86005678");
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).body(input)
                .put("/api/v1/supporting-units/" + unit).then().statusCode(428)
                .body("type", equalTo("https://rescue-force.cn/problems/precondition-required"));
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("If-Match", "\"7\"").body(input)
                .put("/api/v1/supporting-units/" + unit).then().statusCode(412);
        given().auth().oauth2(Tokens.unit(unit)).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(input)
                .put("/api/v1/supporting-units/" + unit).then().statusCode(200)
                .header("ETag", "\"1\"").body("contactPhone", equalTo("028-86005678"));
        given().auth().oauth2(Tokens.national()).header("If-None-Match", "\"1\"")
                .get("/api/v1/supporting-units/" + unit).then().statusCode(304);
    }

    @Test
    void aReplayedIdempotencyKeyReturnsTheFirstUnitAndADifferentBodyIs422() {
        Map<String, Object> body = Registry.unitBody("510000");
        String first = given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", "unit-" + body.get("creditCode"))
                .body(body).post("/api/v1/supporting-units").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", "unit-" + body.get("creditCode"))
                .body(body).post("/api/v1/supporting-units").then().statusCode(201).body("id", equalTo(first));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("Idempotency-Key", "unit-" + body.get("creditCode"))
                .body(Registry.unitBody("510000")).post("/api/v1/supporting-units").then().statusCode(422)
                .body("type", equalTo("https://rescue-force.cn/problems/idempotency-key-reused"));
    }

    @Test
    void malformedInputIsAProblemNamingTheField() {
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/api/v1/supporting-units").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "creditCode", Registry.creditCode("510000"), "province", "510000", "unknownField", 1))
                .post("/api/v1/supporting-units").then().statusCode(400).body("errors.field", hasItem("unknownField"));
        given().auth().oauth2(Tokens.national()).queryParam("size", 500).get("/api/v1/supporting-units")
                .then().statusCode(400).body("errors.field", hasItem("size"));
        given().auth().oauth2(Tokens.national()).queryParam("sort", "password,asc").get("/api/v1/supporting-units")
                .then().statusCode(400).body("errors.field", hasItem("sort"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/supporting-units/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.national()).get("/api/v1/supporting-units/" + UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("https://rescue-force.cn/problems/not-found"));
    }

    @Test
    void theRegistrationIsAudited() {
        UUID unit = Registry.unit("510000");
        given().auth().oauth2(Tokens.national()).queryParam("entityId", unit.toString()).get("/api/v1/audit-events")
                .then().statusCode(200).body("items[0].action", equalTo("REGISTERED"))
                .body("items[0].actorLevel", equalTo("NATIONAL"))
                .body("items[0].changedFields", hasItem("creditCode"))
                .body("items.changedFields.flatten()", not(hasItem(containsString("9151"))));
    }
}
