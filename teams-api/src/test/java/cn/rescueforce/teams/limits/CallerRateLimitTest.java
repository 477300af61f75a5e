package cn.rescueforce.teams.limits;

import cn.rescueforce.devkit.DevToken;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request to /api/** is charged to its caller's token bucket, or without an accepted token to its address's (the
 * kit's RateLimits), and every answer says which one and how full it is (RateLimit-Policy, RateLimit). The other
 * tests send hundreds of requests with one token, so the test profile's per-caller limit is far above anything they
 * reach; this class lowers it in a profile of its own (a burst of 5, refilled at one a second) and uses callers of its
 * own (a fresh sub per test), so that a caller runs out within a few requests.
 */
@QuarkusTest
@TestProfile(CallerRateLimitTest.LowCallerLimit.class)
class CallerRateLimitTest {

    private static final int BURST = 5;
    private static final String CALLER_POLICY = "\"caller\";q=60;w=60";
    /** The test profile's address bucket (application.properties): 60 a minute. */
    private static final String ADDRESS_POLICY = "\"address\";q=60;w=60";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final Pattern REMAINING = Pattern.compile("\"(caller|address)\";r=(\\d+);t=(\\d+)");

    public static class LowCallerLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("rescue-force.rate-limit.caller.burst", String.valueOf(BURST),
                    "rescue-force.rate-limit.caller.requests-per-minute", "60");
        }
    }

    @Test
    void aSuccessfulAnswerSaysWhatIsLeftOfTheCallersBucket() {
        Response first = given().auth().oauth2(newCaller()).get("/api/v1/teams");
        first.then().statusCode(200).header("RateLimit-Policy", CALLER_POLICY);
        assertRemaining(first, "caller", BURST - 1);
        Response second = given().auth().oauth2(newCaller()).get("/api/v1/teams");
        assertRemaining(second, "caller", BURST - 1); // another caller, another bucket
    }

    @Test
    void aProblemIsChargedAndDescribedToo() {
        String caller = newCaller();
        Response notFound = given().auth().oauth2(caller).get("/api/v1/teams/" + UUID.randomUUID());
        notFound.then().statusCode(404).contentType("application/problem+json").header("RateLimit-Policy", CALLER_POLICY);
        assertRemaining(notFound, "caller", BURST - 1);
        Response invalid = given().auth().oauth2(caller).queryParam("size", 0).get("/api/v1/teams");
        invalid.then().statusCode(400).header("RateLimit-Policy", CALLER_POLICY);
        assertRemaining(invalid, "caller", BURST - 2);
    }

    @Test
    void aRequestWithoutATokenIsChargedToItsAddressAndItsUnauthorizedAnswerSaysSo() {
        Response unauthorized = given().header("X-Forwarded-For", newAddress()).get("/api/v1/teams");
        unauthorized.then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("RateLimit-Policy", ADDRESS_POLICY);
        assertRemaining(unauthorized, "address", 39);
    }

    @Test
    void aTokenThatIsNotAcceptedIsChargedToTheAddressAndStillAnsweredAsUnauthorized() {
        String address = newAddress();
        Response rejected = given().header("X-Forwarded-For", address)
                .auth().oauth2(DevToken.level("national").subject(UUID.randomUUID().toString()).signedWithForeignKey().sign())
                .get("/api/v1/teams");
        rejected.then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://rescue-force.cn/problems/unauthorized"))
                .header("RateLimit-Policy", ADDRESS_POLICY);
        assertRemaining(rejected, "address", 39);
        Response anonymous = given().header("X-Forwarded-For", address).get("/api/v1/public/teams");
        anonymous.then().statusCode(200).header("RateLimit-Policy", ADDRESS_POLICY);
        assertRemaining(anonymous, "address", 38);
    }

    @Test
    void aCallerAboveItsBurstIsRefusedWithRetryAfterWhileAnotherCallerIsServed() {
        String caller = newCaller();
        Response refused = null;
        for (int call = 1; call <= BURST * 10 && refused == null; call++) {
            Response response = given().auth().oauth2(caller).get("/api/v1/teams");
            if (response.statusCode() == 429) {
                assertTrue(call > BURST, "refused at call " + call + ", within the burst of " + BURST);
                refused = response;
            } else {
                assertEquals(200, response.statusCode(), "call " + call);
            }
        }
        assertNotNull(refused, "never refused in " + BURST * 10 + " calls");
        refused.then().contentType("application/problem+json")
                .body("type", equalTo("https://rescue-force.cn/problems/too-many-requests"))
                .body("title", equalTo("Too many requests"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/api/v1/teams"))
                .header("RateLimit-Policy", CALLER_POLICY)
                .header("RateLimit", matchesPattern("\"caller\";r=0;t=\\d+"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= BURST, "Retry-After " + retryAfter);

        given().auth().oauth2(newCaller()).get("/api/v1/teams").then().statusCode(200);
    }

    @Test
    void operationsOutsideTheApiAreNeitherChargedNorDescribed() {
        given().get("/q/health").then().statusCode(200)
                .header("RateLimit", nullValue())
                .header("RateLimit-Policy", nullValue());
    }

    private static void assertRemaining(Response response, String policy, int tokens) {
        String value = response.header("RateLimit");
        assertNotNull(value, "no RateLimit on a " + response.statusCode());
        Matcher matcher = REMAINING.matcher(value);
        assertTrue(matcher.matches(), value);
        assertEquals(policy, matcher.group(1), value);
        // a token comes back every second: a slow machine may see one more, never fewer
        int left = Integer.parseInt(matcher.group(2));
        assertTrue(left >= tokens && left <= tokens + 1, "expected " + tokens + " left: " + value);
        int untilFull = Integer.parseInt(matcher.group(3));
        assertTrue(untilFull >= 1, value);
    }

    /** A national caller of its own: a token with a fresh sub. */
    private static String newCaller() {
        return DevToken.level("national").subject("rate-limit-" + UUID.randomUUID()).sign();
    }

    /** An address of TEST-NET-2 (RFC 5737), one per call, so that no other request shares its bucket. */
    private static String newAddress() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }
}
