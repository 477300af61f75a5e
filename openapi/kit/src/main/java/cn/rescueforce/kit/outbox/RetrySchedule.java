package cn.rescueforce.kit.outbox;

/** How a destination's failing messages are retried: the wait between attempts, and when the relay gives up. */
public record RetrySchedule(Backoff backoff, RetryLimit limit) {
}
