package cn.rescueforce.kit.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * When the relay stops retrying a message that keeps failing for a passing reason: after {@code maxAttempts}
 * attempts or {@code maxAge} since the round began (the message was queued, or {@code national} retried it),
 * whichever comes first (settings {@code rescue-force.outbox.max-attempts}, {@code rescue-force.outbox.max-age}, or a destination's own).
 */
public record RetryLimit(int maxAttempts, Duration maxAge) {

    /** Whether a round of {@code attempts} failed attempts that began at {@code roundStart} ends now. */
    public boolean reached(int attempts, Instant roundStart, Instant now) {
        return attempts >= maxAttempts || !Duration.between(roundStart, now).minus(maxAge).isNegative();
    }

    /** The parking reason: {@code gave up after 6 attempts over 3d 0h; last error: ...}. */
    public static String gaveUp(int attempts, Duration over, String lastError) {
        return "gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " over " + readable(over)
                + "; last error: " + lastError;
    }

    /** {@code 3d 4h}, {@code 2h 5m}, {@code 7m 30s}, {@code 12s}: the two largest units, for people. */
    static String readable(Duration duration) {
        long seconds = Math.max(duration.toSeconds(), 0);
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        long rest = seconds % 60;
        if (days > 0) {
            return days + "d " + hours + "h";
        }
        if (hours > 0) {
            return hours + "h " + minutes + "m";
        }
        if (minutes > 0) {
            return minutes + "m " + rest + "s";
        }
        return rest + "s";
    }
}
