package cn.rescueforce.equipment.configuration;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.equipment.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.equipment.support.Fixtures.PROBLEMS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class StandardConfigurationTest {

    /** Found by the contract fuzzer (bench/fuzz.sh): currentOnly=yes was read as false and answered 200. */
    @Test
    void aBooleanFilterTakesOnlyTrueOrFalse() {
        for (String bad : List.of("yes", "1", "TRUE ", "maybe")) {
            given().auth().oauth2(Tokens.national()).queryParam("currentOnly", bad).get("/api/v1/standard-configurations")
                    .then().statusCode(400).contentType("application/problem+json").body("type", equalTo(PROBLEMS + "validation"));
        }
        for (String good : List.of("true", "false")) {
            given().auth().oauth2(Tokens.national()).queryParam("currentOnly", good).get("/api/v1/standard-configurations")
                    .then().statusCode(200);
        }
    }

    @Test
    void nationalPublishesVersionsAndTheNewestIsCurrent() {
        String type = Fixtures.equipmentType(30, 96);
        String first = Fixtures.configuration("OIL_GAS", Map.of(type, 4));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        ordered.put(type, 6);
        ordered.put("DET-GAS-MULTI", 2);
        String second = Fixtures.configuration("OIL_GAS", ordered);
        int firstVersion = given().auth().oauth2(Tokens.national()).get("/api/v1/standard-configurations/" + first)
                .then().statusCode(200).body("current", equalTo(false)).extract().path("version");
        given().auth().oauth2(Tokens.assessor(UUID.randomUUID())).get("/api/v1/standard-configurations/" + second)
                .then().statusCode(200)
                .body("current", equalTo(true))
                .body("version", equalTo(firstVersion + 1))
                .body("lines", hasSize(2))
                .body("lines[0].equipmentTypeCode", equalTo(type))
                .body("lines[0].minimumQuantity", equalTo(6))
                .body("lines[1].equipmentTypeName", equalTo("便携式多种气体检测仪"));
        given().auth().oauth2(Tokens.unit(UUID.randomUUID())).queryParam("category", "OIL_GAS").queryParam("currentOnly", true)
                .get("/api/v1/standard-configurations").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(second));
        given().auth().oauth2(Tokens.service()).queryParam("category", "OIL_GAS").queryParam("size", 200)
                .get("/api/v1/standard-configurations").then().statusCode(200)
                .body("items.category", everyItem(equalTo("OIL_GAS"))).body("items.id", hasItem(first));
    }

    @Test
    void onlyNationalPublishes() {
        for (String token : List.of(Tokens.provincial("510000"), Tokens.mineSafety("140000"), Tokens.unit(UUID.randomUUID()),
                Tokens.assessor(UUID.randomUUID()), Tokens.service())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body("MINING", Map.of("RESP-SCBA-4H", 30)))
                    .post("/api/v1/standard-configurations").then().statusCode(403).body("type", equalTo(PROBLEMS + "forbidden"));
        }
    }

    @Test
    void anUnknownOrRepeatedTypeIsRejectedNamingTheLine() {
        Map<String, Integer> lines = new LinkedHashMap<>();
        lines.put("RESP-SCBA-4H", 30);
        lines.put("NO-SUCH-TYPE", 2);
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body("MINING", lines))
                .post("/api/v1/standard-configurations").then().statusCode(400)
                .body("type", equalTo(PROBLEMS + "validation")).body("errors.field", hasItem("lines[1].equipmentTypeCode"));
        Map<String, Object> twice = Map.of("category", "MINING", "title", "重复",
                "lines", List.of(Map.of("equipmentTypeCode", "RESP-SCBA-4H", "minimumQuantity", 1),
                        Map.of("equipmentTypeCode", "RESP-SCBA-4H", "minimumQuantity", 2)));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(twice)
                .post("/api/v1/standard-configurations").then().statusCode(400).body("errors.field", hasItem("lines[1].equipmentTypeCode"));
    }

    @Test
    void aBadCategoryOrQuantityIs400NamingTheField() {
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body("SPACE", Map.of("RESP-SCBA-4H", 1)))
                .post("/api/v1/standard-configurations").then().statusCode(400).body("errors.field", hasItem("category"));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(body("MINING", Map.of("RESP-SCBA-4H", 0)))
                .post("/api/v1/standard-configurations").then().statusCode(400)
                // the kit names a field inside a list element "lines.minimumQuantity[0]" (see report)
                .body("errors.field", hasItem(containsString("minimumQuantity")));
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body(Map.of("category", "MINING", "title", "空", "lines", List.of()))
                .post("/api/v1/standard-configurations").then().statusCode(400).body("errors.field", hasItem("lines"));
    }

    @Test
    void anUnknownConfigurationIs404AndAMalformedIdIs400() {
        given().auth().oauth2(Tokens.national()).get("/api/v1/standard-configurations/" + UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo(PROBLEMS + "not-found"));
        given().auth().oauth2(Tokens.national()).get("/api/v1/standard-configurations/not-a-uuid")
                .then().statusCode(400).body("type", equalTo(PROBLEMS + "validation"));
    }

    static Map<String, Object> body(String category, Map<String, Integer> minimums) {
        return Map.of("category", category, "title", "矿山救护队装备配备标准", "lines", minimums.entrySet().stream()
                .map(e -> Map.of("equipmentTypeCode", e.getKey(), "minimumQuantity", e.getValue())).toList());
    }
}
