package cn.rescueforce.teams.limits;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operations without a token share one token bucket per client address (the kit's RateLimits); the test
 * profile sizes it at a burst of 40, refilled at one a second (application.properties). Each test is a client of its
 * own (X-Forwarded-For, honoured in the test profile as behind an ingress), so other tests' requests from 127.0.0.1
 * neither count here nor are refused because of these.
 */
@QuarkusTest
class RateLimitTest {

    private static final int BURST = 40;
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Test
    void aClientAboveTheLimitGetsATooManyRequestsProblemWithRetryAfter() {
        String client = newClient();
        Response refused = exhaust(client, "/api/v1/public/teams");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rescue-force.cn/problems/too-many-requests"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/api/v1/public/teams"));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    @Test
    void bothPublicOperationsShareTheBucketAndARefusalDoesNoWork() {
        String client = newClient();
        exhaust(client, "/api/v1/public/nearest-teams?lat=30.6&lon=104.1&category=MINING");
        // the directory is refused too, and a request that would be a 400 is refused before it is even validated
        given().header("X-Forwarded-For", client).queryParam("province", "abc")
                .get("/api/v1/public/teams").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void anotherClientIsNotLimitedByTheFirst() {
        exhaust(newClient(), "/api/v1/public/teams");
        given().header("X-Forwarded-For", newClient()).get("/api/v1/public/teams").then().statusCode(200);
    }

    @Test
    void operationsWithATokenAreNotRateLimitedByAddress() {
        String client = newClient();
        exhaust(client, "/api/v1/public/teams");
        given().header("X-Forwarded-For", client).auth().oauth2(cn.rescueforce.devkit.testing.Tokens.national())
                .get("/api/v1/teams").then().statusCode(200);
    }

    /** Calls the operation until it is refused: the first {@link #BURST} calls at least are answered as usual. */
    private static Response exhaust(String client, String path) {
        for (int call = 1; call <= BURST * 5; call++) {
            Response response = given().header("X-Forwarded-For", client).get(path);
            if (response.statusCode() == 429) {
                assertTrue(call > BURST, "refused at call " + call + ", within the burst of " + BURST);
                assertNotNull(response.header("Retry-After"));
                return response;
            }
            assertEquals(200, response.statusCode(), "call " + call);
        }
        throw new AssertionError("never refused in " + BURST * 5 + " calls");
    }

    /**
     * An address of TEST-NET-3 (RFC 5737) no other call of this class has used: counted, not drawn at random (two
     * random draws from 254 addresses met often enough to refuse a fresh client at its second call).
     */
    private static String newClient() {
        return "203.0.113." + CLIENTS.incrementAndGet();
    }
}
