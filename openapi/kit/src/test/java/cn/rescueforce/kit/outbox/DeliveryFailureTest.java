package cn.rescueforce.kit.outbox;

import cn.rescueforce.kit.client.CallFailed;
import cn.rescueforce.kit.client.ErrorAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failed deliveries are refusals for good (parked at once) and which pass (retried with backoff). */
class DeliveryFailureTest {

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 405, 409, 410, 412, 413, 415, 422})
    void aClientErrorRefusesTheMessageForGood(int status) {
        assertTrue(DeliveryFailure.isPermanent(status));
        DeliveryFailure failure = DeliveryFailure.of("teams-api", answer(status));
        assertTrue(failure.permanent());
        assertEquals(status, failure.status());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 408, 429, 500, 502, 503, 504})
    void aServerErrorTimeoutThrottleOrRefusedTokenPasses(int status) {
        assertFalse(DeliveryFailure.isPermanent(status));
        DeliveryFailure failure = DeliveryFailure.of("teams-api", answer(status));
        assertFalse(failure.permanent());
        assertEquals(status, failure.status());
        assertNull(failure.refusal());
    }

    @Test
    void noAnswerAtAllPasses() {
        DeliveryFailure timeout = DeliveryFailure.of("teams-api",
                new CallFailed("teams-api: ProcessingException <- TimeoutException: read timed out"));
        assertFalse(timeout.permanent());
        assertNull(timeout.status());
        assertEquals("CallFailed: teams-api: ProcessingException <- TimeoutException: read timed out", timeout.error());
    }

    @Test
    void aFailureBeforeTheCallPassesUntilTheRetryLimit() {
        DeliveryFailure unreadable = DeliveryFailure.of("teams-api", new IOException("Unexpected end-of-input"));
        assertFalse(unreadable.permanent());
        assertNull(unreadable.status());
        assertEquals("IOException: Unexpected end-of-input", unreadable.error());
    }

    @Test
    void theReasonNamesTheReceiverTheStatusAndTheProblem() {
        assertEquals("teams-api refused it: HTTP 404 https://rescue-force.cn/problems/not-found (Not found)",
                DeliveryFailure.of("teams-api", answer(404)).refusal());
        assertEquals("teams-api refused it: HTTP 403",
                DeliveryFailure.of("teams-api", new CallFailed("teams-api: ErrorAnswer: answered HTTP 403", new ErrorAnswer(403))).refusal());
    }

    @Test
    void theErrorKeepsNoToken() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzZXJ2aWNlLWFjY291bnQifQ.c2lnbmF0dXJl";
        DeliveryFailure failure = DeliveryFailure.of("teams-api", new IllegalStateException("sent " + jwt));
        assertFalse(failure.error().contains(jwt), failure.error());
    }

    private static CallFailed answer(int status) {
        return new CallFailed("teams-api: ErrorAnswer: answered HTTP " + status,
                new ErrorAnswer(status, "https://rescue-force.cn/problems/not-found", "Not found"));
    }
}
