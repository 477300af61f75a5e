package cn.rescueforce.assessment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The service's own settings (application.properties, prefix {@code assessment}). */
@ConfigMapping(prefix = "assessment")
public interface AssessmentConfig {

    Outbox outbox();

    interface Outbox {
        /** How often the relay looks for results to deliver. */
        @WithDefault("5s")
        String pollInterval();

        /** Wait after the first failed attempt; doubles with each further failure up to {@link #maxBackoff()}. */
        @WithDefault("PT5S")
        Duration initialBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /**
         * Attempts of one round (since the message was queued or last retried) after which a message that keeps
         * failing for a passing reason is parked ({@link cn.rescueforce.assessment.outbox.RetryLimit}).
         */
        @WithDefault("1000")
        int maxAttempts();

        /** Age of a round after which a message that keeps failing for a passing reason is parked. */
        @WithDefault("P3D")
        Duration maxAge();

        /** Messages handled per relay run. */
        @WithDefault("20")
        int batchSize();
    }
}
