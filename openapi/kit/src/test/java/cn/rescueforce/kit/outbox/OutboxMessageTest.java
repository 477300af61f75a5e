package cn.rescueforce.kit.outbox;

import cn.rescueforce.kit.client.CallFailed;
import cn.rescueforce.kit.client.ErrorAnswer;
import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A message's delivery attempts as the relay records them, and what national does with a parked one. */
class OutboxMessageTest {

    private static final Instant NOW = Instant.parse("2026-05-02T08:00:00Z");
    private static final RetryLimit LIMIT = new RetryLimit(3, Duration.ofDays(3));
    private static final Duration WAIT = Duration.ofSeconds(5);

    private static OutboxMessage queued() {
        return OutboxMessage.queued("teams-api", "a#1", UUID.randomUUID(), "{}", NOW);
    }

    private static DeliveryFailure answered(int status) {
        return DeliveryFailure.of("teams-api", new CallFailed("teams-api: ErrorAnswer: answered HTTP " + status,
                new ErrorAnswer(status, "https://rescue-force.cn/problems/validation", "Request is invalid")));
    }

    private static DeliveryFailure refused() {
        return DeliveryFailure.of("teams-api", new CallFailed("teams-api: ProcessingException <- ConnectException: Connection refused"));
    }

    @Test
    void aPassingFailureKeepsTheMessagePendingWithItsErrorAndNextAttempt() {
        OutboxMessage message = queued();
        message.attempting();
        assertNull(message.failed(answered(503), LIMIT, WAIT, NOW));
        assertEquals(OutboxState.PENDING, message.state);
        assertEquals(1, message.attempts);
        assertEquals(NOW.plus(WAIT), message.nextAttemptAt);
        assertEquals("CallFailed: teams-api: ErrorAnswer: answered HTTP 503", message.lastError);
        assertEquals(503, message.lastErrorStatus);

        message.attempting();
        message.delivered(NOW.plusSeconds(6));
        assertTrue(message.isDelivered());
        assertEquals(2, message.attempts);
        assertNull(message.lastError);
        assertNull(message.lastErrorStatus);
    }

    @Test
    void aRefusalForGoodParksTheMessageAtOnceWithTheAnswer() {
        OutboxMessage message = queued();
        message.attempting();
        assertEquals(ParkingCause.PERMANENT, message.failed(answered(422), LIMIT, WAIT, NOW));
        assertTrue(message.isParked());
        assertEquals(NOW, message.parkedAt);
        assertEquals("teams-api refused it: HTTP 422 https://rescue-force.cn/problems/validation (Request is invalid)",
                message.parkingReason);
        assertEquals(422, message.lastErrorStatus);
    }

    @Test
    void theRelayGivesUpAtTheAttemptLimitWithTheLastError() {
        OutboxMessage message = queued();
        for (int i = 1; i < 3; i++) {
            message.attempting();
            assertNull(message.failed(refused(), LIMIT, WAIT, NOW.plusSeconds(i)));
        }
        message.attempting();
        assertEquals(ParkingCause.GAVE_UP, message.failed(refused(), LIMIT, WAIT, NOW.plusSeconds(70)));
        assertEquals("gave up after 3 attempts over 1m 10s; last error: CallFailed: teams-api: ProcessingException "
                + "<- ConnectException: Connection refused", message.parkingReason);
        assertNull(message.lastErrorStatus);
    }

    @Test
    void theRelayGivesUpAtTheMaximumAgeOfTheRound() {
        OutboxMessage message = queued();
        message.attempting();
        assertEquals(ParkingCause.GAVE_UP, message.failed(answered(500), LIMIT, WAIT, NOW.plus(Duration.ofDays(3))));
        assertTrue(message.parkingReason.startsWith("gave up after 1 attempt over 3d 0h; last error: "), message.parkingReason);
    }

    @Test
    void aRetryStartsANewRoundDueNowKeepingTheCountOfAllAttempts() {
        OutboxMessage message = queued();
        message.attempting();
        message.failed(answered(404), LIMIT, WAIT, NOW);
        Instant later = NOW.plus(Duration.ofDays(5));
        message.retry(later);
        assertEquals(OutboxState.PENDING, message.state);
        assertEquals(later, message.nextAttemptAt);
        assertEquals(later, message.roundStartedAt);
        assertEquals(0, message.roundAttempts);
        assertEquals(1, message.attempts);
        assertNull(message.parkedAt);
        assertNull(message.parkingReason);
        // the new round is not over at once although the message is five days old
        message.attempting();
        assertNull(message.failed(answered(503), LIMIT, WAIT, later.plusSeconds(1)));
    }

    @Test
    void aDiscardedMessageIsKeptWithWhoAndWhy() {
        OutboxMessage message = queued();
        message.attempting();
        message.failed(answered(409), LIMIT, WAIT, NOW);
        message.discard("national-center", "队伍已撤销", NOW.plusSeconds(60));
        assertEquals(OutboxState.DISCARDED, message.state);
        assertEquals("national-center", message.discardedBy);
        assertEquals("队伍已撤销", message.discardReason);
        assertEquals(NOW.plusSeconds(60), message.discardedAt);
        assertEquals(ParkingCause.PERMANENT, message.parkingCause, "why it was parked stays on record");
    }

    @Test
    void onlyAParkedMessageIsRetriedOrDiscarded() {
        OutboxMessage pending = queued();
        ProblemException retry = assertThrows(ProblemException.class, () -> pending.retry(NOW));
        assertEquals(409, retry.status());
        assertEquals("https://rescue-force.cn/problems/message-not-parked", retry.type());
        OutboxMessage delivered = queued();
        delivered.delivered(NOW);
        ProblemException discard = assertThrows(ProblemException.class, () -> delivered.discard("n", "reason", NOW));
        assertEquals("https://rescue-force.cn/problems/message-not-parked", discard.type());
        assertEquals(OutboxState.DELIVERED, delivered.state);
    }

    @Test
    void aLongErrorAndReasonAreCutToTheirColumns() {
        OutboxMessage message = queued();
        message.attempting();
        message.failed(DeliveryFailure.of("teams-api", new RuntimeException("x".repeat(5_000))), new RetryLimit(1, Duration.ofDays(1)),
                WAIT, NOW);
        assertEquals(OutboxMessage.MAX_ERROR_LENGTH, message.lastError.length());
        assertTrue(message.lastError.startsWith("RuntimeException: xxx"));
        assertEquals(OutboxMessage.MAX_REASON_LENGTH, message.parkingReason.length());
        assertFalse(message.isDelivered());
    }
}
