package cn.rescueforce.assessment.standard;

import cn.rescueforce.assessment.support.Fixtures;
import cn.rescueforce.devkit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class StandardTest {

    static Map<String, Object> standardBody(String code) {
        return Fixtures.standardBody(code);
    }

    static String freshCode() {
        return Fixtures.freshStandardCode();
    }

    @Test
    void everyCategoryWithANationalStandardHasAPublishedSeedStandardCoveringAllSixAreas() {
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).queryParam("status", "PUBLISHED").queryParam("size", 200)
                .get("/api/v1/standards").then().statusCode(200)
                .body("items.category", hasItems("MINING", "HAZARDOUS_CHEMICALS", "OIL_GAS", "TUNNEL_CONSTRUCTION"));
        for (String id : List.of("5d1e0a10-0001-4000-8000-000000000001", "5d1e0a10-0002-4000-8000-000000000002",
                "5d1e0a10-0003-4000-8000-000000000003", "5d1e0a10-0004-4000-8000-000000000004")) {
            given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/standards/" + id).then().statusCode(200)
                    .body("status", equalTo("PUBLISHED"))
                    .body("maxTotal", equalTo(100.0f))
                    .body("sections.code", containsInAnyOrder("MGT", "TRN", "EQP", "TEC", "DUT", "SAF"))
                    .body("sections.indicators.flatten().source", hasItem("EQUIPMENT_COMPLIANCE"))
                    .body("sections.indicators.flatten().veto", hasItem(true));
        }
    }

    @Test
    void nationalDraftsPublishesAndRetiresAStandardAndPublishingRetiresThePreviousVersion() {
        String code = freshCode();
        String v1 = given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(standardBody(code))
                .post("/api/v1/standards").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("standardVersion", equalTo(1)).body("maxTotal", equalTo(100.0f))
                .extract().path("id");
        given().auth().oauth2(Tokens.national()).post("/api/v1/standards/" + v1 + "/publication").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        String v2 = given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(standardBody(code))
                .post("/api/v1/standards").then().statusCode(201).body("standardVersion", equalTo(2)).extract().path("id");
        given().auth().oauth2(Tokens.national()).post("/api/v1/standards/" + v2 + "/publication").then().statusCode(200);
        given().auth().oauth2(Tokens.national()).get("/api/v1/standards/" + v1).then().body("status", equalTo("RETIRED"));
        given().auth().oauth2(Tokens.national()).post("/api/v1/standards/" + v2 + "/retirement").then().statusCode(200)
                .body("status", equalTo("RETIRED"));
        given().auth().oauth2(Tokens.national()).post("/api/v1/standards/" + v2 + "/retirement").then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/invalid-transition"));
    }

    @Test
    void aPublishedVersionNeverChanges() {
        String id = given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(standardBody(freshCode()))
                .post("/api/v1/standards").then().statusCode(201).extract().path("id");
        String etag = given().auth().oauth2(Tokens.national()).post("/api/v1/standards/" + id + "/publication")
                .then().statusCode(200).extract().header("ETag");
        Map<String, Object> body = standardBody(given().auth().oauth2(Tokens.national()).get("/api/v1/standards/" + id).path("code"));
        body.put("title", "改过的标题");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .put("/api/v1/standards/" + id).then().statusCode(409)
                .body("type", equalTo("https://rescue-force.cn/problems/standard-version-fixed"));
    }

    @Test
    void aDraftIsEditedWithTheCurrentETagOnly() {
        String code = freshCode();
        String id = given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(standardBody(code))
                .post("/api/v1/standards").then().statusCode(201).extract().path("id");
        Map<String, Object> body = standardBody(code);
        body.put("validityMonths", 60);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/standards/" + id).then().statusCode(428);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", "\"0\"").body(body)
                .put("/api/v1/standards/" + id).then().statusCode(200).header("ETag", "\"1\"").body("validityMonths", equalTo(60));
    }

    @Test
    void thresholdsThatDoNotFallAreRejectedNamingTheField() {
        Map<String, Object> body = standardBody(freshCode());
        body.put("thresholds", Map.of("grade1", 70, "grade2", 80, "grade3", 60));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/standards").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rescue-force.cn/problems/validation"))
                .body("errors.field", hasItem("thresholds"));
    }

    @Test
    void anUnknownCategoryIsA400NamingTheField() {
        Map<String, Object> body = standardBody(freshCode());
        body.put("category", "VOLCANO");
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/standards").then().statusCode(400)
                .body("errors.field", hasItem("category"));
    }

    @Test
    void onlyNationalDraftsStandards() {
        for (String token : List.of(Tokens.provincial("510000"), Tokens.mineSafety("510000"), Tokens.unit(UUID.randomUUID()),
                Tokens.assessor(UUID.randomUUID()), Tokens.service())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(standardBody(freshCode()))
                    .post("/api/v1/standards").then().statusCode(403)
                    .body("type", equalTo("https://rescue-force.cn/problems/forbidden"));
        }
    }

    @Test
    void withoutATokenStandardsAnswer401() {
        given().get("/api/v1/standards").then().statusCode(401).contentType("application/problem+json");
    }
}
