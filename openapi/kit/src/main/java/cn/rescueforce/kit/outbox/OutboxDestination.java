package cn.rescueforce.kit.outbox;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
     * attempted at the same time ({@link #begin}); null (the default): one after the other.
     */
    default String concurrencyKey(OutboxMessage message) {
        return null;
    }

    /**
     * Starts an attempt of {@code message}, in the relay's transaction, and answers it under way: the relay starts
     * the attempts of messages of different concurrency keys before the earlier ones are answered, then
     * {@linkplain Attempt#finish() finishes} each in that transaction, in the order they were started. By default
     * the message is delivered here and now ({@link #deliver}).
     */
    default Attempt begin(OutboxMessage message) {
        try {
            deliver(message);
            return Attempt.finished(null);
        } catch (Exception e) {
            return Attempt.finished(e);
        }
    }

    /** An attempt under way. */
    interface Attempt {

        /** Completes (never exceptionally) once the receiver answered, or could not be reached. */
        CompletableFuture<?> answered();

        /** Once {@link #answered()}, in the relay's transaction: null when delivered, else what failed. */
        Exception finish();

        /** An attempt that is over: delivered ({@code failure} null) or failed. */
        static Attempt finished(Exception failure) {
            return new Attempt() {
                @Override
                public CompletableFuture<?> answered() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public Exception finish() {
                    return failure;
                }
            };
        }
    }

    /** This destination's own retry schedule; empty: the outbox's configured one ({@link OutboxConfig}). */
    default Optional<RetrySchedule> retrySchedule() {
        return Optional.empty();
    }

    /** The relay parked one of this destination's messages; called in the attempt's transaction. */
    default void parked(OutboxMessage message) {
    }
}
