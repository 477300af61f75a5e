package cn.rescueforce.teams.security;

import cn.rescueforce.devkit.DevToken;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** No token, a bad token, or claims that do not fit the level: 401 with a problem body, before anything is read. */
@QuarkusTest
class AuthenticationTest {

    /** The pause between two requests while waiting for a token to expire. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private static void rejected(String token) {
        given().auth().oauth2(token).get("/api/v1/teams").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rescue-force.cn/problems/unauthorized"));
    }

    @Test
    void aRequestWithoutATokenIsUnauthorized() {
        given().get("/api/v1/teams").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }

    @Test
    void anExpiredTokenIsRejected() {
        rejected(DevToken.level("national").expired(Duration.ofHours(2)).sign());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        rejected(DevToken.level("national").signedWithForeignKey().sign());
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() {
        rejected(DevToken.level("national").issuer("https://evil.example/realms/rescue-force").sign());
    }

    @Test
    void aProvincialTokenWithoutAValidRegionIsRejected() {
        rejected(DevToken.level("provincial").sign());
        rejected(DevToken.level("provincial").region("990000").sign());
        rejected(DevToken.level("mine-safety").region("51").sign());
    }

    @Test
    void aUnitOrAssessorTokenWithoutAnOrgIsRejected() {
        rejected(DevToken.level("unit").sign());
        rejected(DevToken.level("assessor").org("not-a-uuid").sign());
    }

    @Test
    void aTokenWithNoLevelOrTwoLevelsIsRejected() {
        rejected(DevToken.level("firefighter").sign());
        rejected(DevToken.level("national").claim("groups", java.util.List.of("national", "unit")).sign());
    }

    @Test
    void anAcceptedTokenIsRejectedOnceItExpiresEvenThoughVerifiedTokensAreRemembered() {
        Instant issued = Instant.now();
        String token = DevToken.level("national").lifetime(Duration.ofSeconds(6)).sign();
        given().auth().oauth2(token).get("/api/v1/teams").then().statusCode(200);
        given().auth().oauth2(token).get("/api/v1/teams").then().statusCode(200);
        // the expiry is kept in whole seconds: 7.5 s after issue the token has expired for every verifier, and
        // from then on it must be refused; ask until the server refuses it, at the latest until that moment
        Instant mustBeRefused = issued.plusMillis(7_500);
        while (Instant.now().isBefore(mustBeRefused)
                && given().auth().oauth2(token).get("/api/v1/teams").then().extract().statusCode() == 200) {
            LockSupport.parkNanos(POLL_INTERVAL.toNanos());
        }
        rejected(token);
    }

    @Test
    void garbageIsRejected() {
        rejected("not.a.jwt");
    }
}
