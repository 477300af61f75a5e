package cn.rescueforce.kit.outbox;

import java.util.Optional;

/** A receiver the outbox delivers to. Throwing means "not acknowledged": the relay tries again later. */
public interface OutboxDestination {

    String name();

    void deliver(OutboxMessage message) throws Exception;

    /** This destination's own retry schedule; empty: the outbox's configured one ({@link OutboxConfig}). */
    default Optional<RetrySchedule> retrySchedule() {
        return Optional.empty();
    }

    /** The relay parked one of this destination's messages; called in the attempt's transaction. */
    default void parked(OutboxMessage message) {
    }
}
