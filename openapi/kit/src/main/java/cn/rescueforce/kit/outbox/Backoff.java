package cn.rescueforce.kit.outbox;

import java.time.Duration;

/**
 * How long the relay waits after a failed delivery: {@code initial} after the first failure, doubling with
 * each further one, never more than {@code max}, so a long outage of the receiver is polled at {@code max}.
 */
public record Backoff(Duration initial, Duration max) {

    /** The doubling stops at 2^20 × initial: far beyond any sensible maximum, and no overflow. */
    private static final int MAX_DOUBLINGS = 20;

    /** The wait after {@code attempts} failed attempts (1 for the first failure). */
    public Duration after(int attempts) {
        Duration wait = initial.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), MAX_DOUBLINGS));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
