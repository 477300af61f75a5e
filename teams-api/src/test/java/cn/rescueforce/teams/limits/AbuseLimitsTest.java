package cn.rescueforce.teams.limits;

import cn.rescueforce.devkit.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The limits every service shares through the kit's defaults: responses carry X-Content-Type-Options: nosniff, a
 * request body above 1 MiB is a 413 problem, and CORS (closed by default) gives no origin that is not configured an
 * Access-Control-Allow-Origin.
 */
@QuarkusTest
class AbuseLimitsTest {

    private static final int ONE_MIB = 1024 * 1024;

    @Test
    void aSuccessfulAnswerForbidsContentSniffing() {
        given().get("/api/v1/public/teams").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aProblemForbidsContentSniffing() {
        given().auth().oauth2(Tokens.national()).get("/api/v1/teams/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theHealthEndpointForbidsContentSniffing() {
        given().get("/q/health").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void aBodyAboveOneMebibyteIsAPayloadTooLargeProblem() {
        String oversized = "{\"name\":\"" + "x".repeat(ONE_MIB) + "\"}";
        given().auth().oauth2(Tokens.national()).contentType("application/json").body(oversized)
                .post("/api/v1/teams").then().statusCode(413)
                .contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .body("type", equalTo("https://rescue-force.cn/problems/payload-too-large"))
                .body("status", equalTo(413))
                .body("instance", equalTo("/api/v1/teams"));
    }

    @Test
    void aBodyWithinTheLimitIsReadAsUsual() {
        // far above Quarkus REST's input buffer, below the limit: the request reaches validation (a 400, not a 413)
        String large = "{\"name\":\"" + "x".repeat(ONE_MIB / 2) + "\"}";
        given().auth().oauth2(Tokens.national()).contentType("application/json").body(large)
                .post("/api/v1/teams").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aPreflightFromAnUnknownOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/teams").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aRequestFromAnUnknownOriginGetsNoAllowOrigin() {
        given().header("Origin", "https://evil.example").get("/api/v1/public/teams").then()
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
