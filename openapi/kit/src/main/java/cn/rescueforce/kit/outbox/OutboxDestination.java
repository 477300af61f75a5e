package cn.rescueforce.kit.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A receiver the outbox delivers to. Throwing means "not acknowledged": the relay tries again later. */
public interface OutboxDestination {

    String name();

    void deliver(OutboxMessage message) throws Exception;

    /**
     * The relay is about to attempt {@code batch}, in order, in one transaction (the messages of one ordering key): a
     * destination may load in one go what each attempt would read on its own.
     */
    default void prepare(List<OutboxMessage> batch) {
    }

    /**
     * What a message must keep its order with: messages of one ordering key whose concurrency keys differ may be
     * attempted at the same time ({@link #deliverTogether}); null (the default): one after the other.
     */
    default String concurrencyKey(OutboxMessage message) {
        return null;
    }

    /**
     * Attempts {@code messages} (of different concurrency keys) at once; for each, in order, null when delivered or
     * what failed. By default one after the other.
     */
    default List<Exception> deliverTogether(List<OutboxMessage> messages) {
        List<Exception> failures = new ArrayList<>();
        for (OutboxMessage message : messages) {
            try {
                deliver(message);
                failures.add(null);
            } catch (Exception e) {
                failures.add(e);
            }
        }
        return failures;
    }

    /** This destination's own retry schedule; empty: the outbox's configured one ({@link OutboxConfig}). */
    default Optional<RetrySchedule> retrySchedule() {
        return Optional.empty();
    }

    /** The relay parked one of this destination's messages; called in the attempt's transaction. */
    default void parked(OutboxMessage message) {
    }
}
