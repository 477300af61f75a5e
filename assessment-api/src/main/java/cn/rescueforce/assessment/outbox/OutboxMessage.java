package cn.rescueforce.assessment.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A change another service must receive, written in the transaction that made it. The relay delivers it
 * until the receiver acknowledges; the receiver applies a key once, so redelivery is harmless.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    /** Longest error text kept (the column's length). */
    static final int MAX_ERROR_LENGTH = 1000;

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

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "last_error")
    public String lastError;

    public boolean isDelivered() {
        return deliveredAt != null;
    }

    /** One more delivery attempt starts. */
    public void attempting() {
        attempts++;
    }

    /** The receiver acknowledged. */
    public void delivered(Instant at) {
        deliveredAt = at;
        lastError = null;
    }

    /** The attempt failed: kept undelivered, tried again at {@code nextAttempt}. */
    public void failed(Exception error, Instant nextAttempt) {
        nextAttemptAt = nextAttempt;
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        lastError = text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
