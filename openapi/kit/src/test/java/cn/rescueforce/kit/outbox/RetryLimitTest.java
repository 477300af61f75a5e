package cn.rescueforce.kit.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the relay stops retrying: the attempt limit or the age of the round, whichever comes first. */
class RetryLimitTest {

    private static final Instant START = Instant.parse("2026-05-02T08:00:00Z");
    private final RetryLimit limit = new RetryLimit(1000, Duration.ofDays(3));

    @Test
    void theAttemptLimitEndsTheRound() {
        assertFalse(limit.reached(999, START, START.plusSeconds(60)));
        assertTrue(limit.reached(1000, START, START.plusSeconds(60)));
    }

    @Test
    void theAgeLimitEndsTheRound() {
        assertFalse(limit.reached(2, START, START.plus(Duration.ofDays(3)).minusMillis(1)));
        assertTrue(limit.reached(2, START, START.plus(Duration.ofDays(3))));
    }

    @Test
    void theReasonSaysHowManyOverHowLongAndTheLastError() {
        assertEquals("gave up after 871 attempts over 3d 0h; last error: CallFailed: teams-api: ErrorAnswer: answered HTTP 503",
                RetryLimit.gaveUp(871, Duration.ofDays(3).plusMinutes(4), "CallFailed: teams-api: ErrorAnswer: answered HTTP 503"));
    }

    @Test
    void durationsReadAsTheTwoLargestUnits() {
        assertEquals("0s", RetryLimit.readable(Duration.ofMillis(400)));
        assertEquals("12s", RetryLimit.readable(Duration.ofSeconds(12)));
        assertEquals("7m 30s", RetryLimit.readable(Duration.ofSeconds(450)));
        assertEquals("2h 5m", RetryLimit.readable(Duration.ofMinutes(125)));
        assertEquals("3d 4h", RetryLimit.readable(Duration.ofHours(76)));
    }
}
