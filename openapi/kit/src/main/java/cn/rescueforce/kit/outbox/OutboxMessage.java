package cn.rescueforce.kit.outbox;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * A change another service must receive, written in the transaction that made it. The relay delivers it
 * until the receiver acknowledges; the receiver applies a key once, so redelivery is harmless. A message the
 * receiver refuses for good, or that keeps failing past the {@link RetryLimit}, is parked with the reason, until
 * {@code national} retries it (a new round) or discards it (kept for the record): see {@link OutboxState}.
 * Messages with the same {@code orderingKey} are delivered in the order of their {@code orderingPosition}: one is
 * attempted only while no earlier one of its key is pending (a webhook subscription's events, in feed order).
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    /** Longest error text kept (the column's length). */
    static final int MAX_ERROR_LENGTH = 1000;
    /** Longest parking reason kept (the column's length). */
    static final int MAX_REASON_LENGTH = 500;

    @Id
    public UUID id;

    @Column(name = "idempotency_key", nullable = false)
    public String idempotencyKey;

    @Column(nullable = false)
    public String destination;

    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutboxState state = OutboxState.PENDING;

    /** Every attempt since the message was queued. */
    @Column(nullable = false)
    public int attempts;

    /** When the current round began: the message was queued, or {@code national} retried it. */
    @Column(name = "round_started_at", nullable = false)
    public Instant roundStartedAt;

    /** Attempts of the current round: what the {@link RetryLimit} counts. */
    @Column(name = "round_attempts", nullable = false)
    public int roundAttempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "last_error")
    public String lastError;

    /** The receiver's status of the last failed attempt; null when it did not answer. */
    @Column(name = "last_error_status")
    public Integer lastErrorStatus;

    @Column(name = "parked_at")
    public Instant parkedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "parking_cause")
    public ParkingCause parkingCause;

    @Column(name = "parking_reason")
    public String parkingReason;

    @Column(name = "discarded_at")
    public Instant discardedAt;

    @Column(name = "discarded_by")
    public String discardedBy;

    @Column(name = "discard_reason")
    public String discardReason;

    /** Messages sharing it are delivered one after the other, by {@link #orderingPosition}; null: in no order. */
    @Column(name = "ordering_key")
    public String orderingKey;

    @Column(name = "ordering_position")
    public Long orderingPosition;

    /** What a destination read from {@link #payload}: kept while the message is loaded, never stored. */
    @Transient
    private Object read;

    /**
     * The payload as {@code reader} reads it, read once while the message is loaded (a batch asks it for ordering,
     * rendering and logging).
     */
    public <T> T payload(Class<T> type, Function<String, T> reader) {
        if (!type.isInstance(read)) {
            read = reader.apply(payload);
        }
        return type.cast(read);
    }

    /** A new message for {@code destination}, due now, delivered after the earlier ones of {@code orderingKey}. */
    static OutboxMessage queued(String destination, String idempotencyKey, UUID aggregateId, String payload, Instant now,
                                String orderingKey, long orderingPosition) {
        OutboxMessage message = queued(destination, idempotencyKey, aggregateId, payload, now);
        message.orderingKey = orderingKey;
        message.orderingPosition = orderingPosition;
        return message;
    }

    /** A new message for {@code destination}, due now. */
    static OutboxMessage queued(String destination, String idempotencyKey, UUID aggregateId, String payload, Instant now) {
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.randomUUID();
        message.destination = destination;
        message.idempotencyKey = idempotencyKey;
        message.aggregateId = aggregateId;
        message.payload = payload;
        message.createdAt = now;
        message.roundStartedAt = now;
        message.nextAttemptAt = now;
        return message;
    }

    public boolean isDelivered() {
        return state == OutboxState.DELIVERED;
    }

    public boolean isParked() {
        return state == OutboxState.PARKED;
    }

    /** One more delivery attempt starts. */
    public void attempting() {
        attempts++;
        roundAttempts++;
    }

    /** The receiver acknowledged. */
    public void delivered(Instant at) {
        state = OutboxState.DELIVERED;
        deliveredAt = at;
        lastError = null;
        lastErrorStatus = null;
    }

    /**
     * The attempt failed and the relay stops trying: refused for good, or the {@code limit} of the round is
     * reached; otherwise the message stays pending and waits {@code wait}. Returns the cause of parking, or null.
     */
    public ParkingCause failed(DeliveryFailure failure, RetryLimit limit, Duration wait, Instant now) {
        recordError(failure);
        if (failure.permanent()) {
            park(ParkingCause.PERMANENT, failure.refusal(), now);
        } else if (limit.reached(roundAttempts, roundStartedAt, now)) {
            park(ParkingCause.GAVE_UP, RetryLimit.gaveUp(roundAttempts, Duration.between(roundStartedAt, now), lastError), now);
        } else {
            nextAttemptAt = now.plus(wait);
            return null;
        }
        return parkingCause;
    }

    /** The relay stops trying: parked with {@code reason} (cut to the column's length) until retried or discarded. */
    public void park(ParkingCause cause, String reason, Instant at) {
        if (state != OutboxState.PENDING) {
            throw new IllegalStateException("only a pending message is parked; " + id + " is " + state);
        }
        state = OutboxState.PARKED;
        parkedAt = at;
        parkingCause = cause;
        parkingReason = cut(reason, MAX_REASON_LENGTH);
    }

    /** {@code national} sends a parked message again: pending, due now, a new round for the {@link RetryLimit}. */
    public void retry(Instant now) {
        requireParked(Text.of("retried"));
        state = OutboxState.PENDING;
        nextAttemptAt = now;
        roundStartedAt = now;
        roundAttempts = 0;
        parkedAt = null;
        parkingCause = null;
        parkingReason = null;
    }

    /** {@code national} gives a parked message up: never delivered, kept with who and why. */
    public void discard(String by, String reason, Instant at) {
        requireParked(Text.of("discarded"));
        state = OutboxState.DISCARDED;
        discardedAt = at;
        discardedBy = by;
        discardReason = reason;
    }

    /** A retry or discard of a message that is not parked: problem type {@code message-not-parked} (openapi/common.yaml). */
    private void requireParked(Text action) {
        if (state != OutboxState.PARKED) {
            throw new ProblemException(409, "message-not-parked", "Message is not parked",
                    Text.of("Only a PARKED message can be {0}; message {1} is {2}", action, id, state), null);
        }
    }

    private void recordError(DeliveryFailure failure) {
        lastError = cut(failure.error(), MAX_ERROR_LENGTH);
        lastErrorStatus = failure.status();
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
