package cn.rescueforce.kit.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The relay's wait after failed deliveries: doubling from the initial wait, capped at the maximum. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5));

    @Test
    void theWaitDoublesWithEachFailure() {
        assertEquals(Duration.ofSeconds(5), backoff.after(1));
        assertEquals(Duration.ofSeconds(10), backoff.after(2));
        assertEquals(Duration.ofSeconds(20), backoff.after(3));
        assertEquals(Duration.ofSeconds(160), backoff.after(6));
    }

    @Test
    void theWaitNeverExceedsTheMaximum() {
        assertEquals(Duration.ofMinutes(5), backoff.after(7));
        assertEquals(Duration.ofMinutes(5), backoff.after(1_000));
        assertEquals(Duration.ofMinutes(5), backoff.after(Integer.MAX_VALUE));
    }

    @Test
    void noAttemptYetWaitsTheInitialTime() {
        assertEquals(Duration.ofSeconds(5), backoff.after(0));
    }

    @Test
    void aMaximumBelowTheInitialWaitWins() {
        assertEquals(Duration.ofSeconds(1), new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1)).after(1));
    }
}
