package cn.rescueforce.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The outbox relay's settings (kit META-INF/microprofile-config.properties, section "outbox"): how often it runs, how
 * many messages one run handles, and the retry schedule of a destination that has none of its own
 * ({@link OutboxDestination#retrySchedule}).
 */
@ConfigMapping(prefix = "rescue-force.outbox")
public interface OutboxConfig {

    /** How often the relay looks for messages that are due. */
    @WithDefault("1s")
    String pollInterval();

    /** Messages handled per relay run. */
    @WithDefault("100")
    int batchSize();

    /**
     * Messages of one ordering key attempted at the same time at most, when their destination lets them (different
     * concurrency keys, {@link OutboxDestination#concurrencyKey}).
     */
    @WithDefault("32")
    int inFlight();

    /** Wait after the first failed attempt; doubles with each further failure up to {@link #maxBackoff()}. */
    @WithDefault("PT5S")
    Duration initialBackoff();

    @WithDefault("PT5M")
    Duration maxBackoff();

    /**
     * Attempts of one round (since the message was queued or last retried) after which a message that keeps
     * failing for a passing reason is parked ({@link RetryLimit}).
     */
    @WithDefault("1000")
    int maxAttempts();

    /** Age of a round after which a message that keeps failing for a passing reason is parked. */
    @WithDefault("P3D")
    Duration maxAge();

    /** The schedule these settings make. */
    default RetrySchedule retrySchedule() {
        return new RetrySchedule(new Backoff(initialBackoff(), maxBackoff()), new RetryLimit(maxAttempts(), maxAge()));
    }
}
