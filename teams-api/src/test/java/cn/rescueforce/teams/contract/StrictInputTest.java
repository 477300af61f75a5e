package cn.rescueforce.teams.contract;

import cn.rescueforce.devkit.testing.Tokens;
import cn.rescueforce.teams.support.Registry;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Values of the wrong JSON type and integer parameters that are not ASCII integers are 400 validation problems,
 * as the contract's schemas say, and change nothing (regressions found by the contract fuzzer, bench/fuzz.sh:
 * {@code {"reason": true}} used to be stored as the reason "true", {@code page=１} read as page 1).
 */
@QuarkusTest
class StrictInputTest {

    private static final String VALIDATION = "https://rescue-force.cn/problems/validation";
    private static UUID team;

    @BeforeEach
    void team() {
        if (team == null) {
            team = Registry.activeTeam("510000", "MINING", Registry.unit("510000"));
        }
    }

    @Test
    void aBooleanOrANumberForAStringFieldIsRefusedAndNothingChanges() {
        for (String reason : List.of("true", "12345", "1.5")) {
            given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body("{\"reason\":" + reason + "}")
                    .post("/api/v1/teams/" + team + "/rectification").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(VALIDATION))
                    .body("errors.field", hasItem("reason"));
        }
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + team).then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aStringForANumberFieldIsRefused() {
        String body = "{\"name\":\"队\",\"baseLocation\":{\"lat\":\"30.66\",\"lon\":104.06},\"dutyPhone\":\"028-12345678\"}";
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).header("If-Match", "*").body(body)
                .put("/api/v1/teams/" + team).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem("baseLocation.lat"));
    }

    @Test
    void aNumberForAnEnumIsRefused() {
        given().auth().oauth2(Tokens.national()).contentType(ContentType.JSON).body("{\"readiness\":0,\"reason\":\"检修\"}")
                .post("/api/v1/teams/" + team + "/readiness").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem("readiness"));
    }

    @Test
    void aPageNumberInOtherDigitsThanAsciiIsRefused() {
        for (String page : List.of("１", "٣", "1.0")) {
            given().auth().oauth2(Tokens.national()).queryParam("page", page).get("/api/v1/teams").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(VALIDATION));
        }
        given().auth().oauth2(Tokens.national()).queryParam("page", "1").queryParam("size", "+5").get("/api/v1/teams")
                .then().statusCode(200).body("page", equalTo(1)).body("size", equalTo(5));
    }
}
