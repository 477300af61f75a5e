package cn.rescueforce.assessment.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waits for something the outbox relay does in the background, polling until a deadline. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(100);

    private Eventually() {
    }

    /** Returns as soon as {@code condition} holds; fails when it still does not after {@code limit}. */
    public static void within(Duration limit, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("not within " + limit + ": " + what);
            }
            pause();
        }
    }

    /**
     * Checks {@code condition} again and again for {@code period}, failing the moment it does not hold: for what
     * must not happen (a second delivery), which no event announces.
     */
    public static void throughout(Duration period, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(period);
        do {
            if (!condition.getAsBoolean()) {
                fail("no longer true: " + what);
            }
            pause();
        } while (Instant.now().isBefore(deadline));
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
