package cn.rescueforce.kit.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One attempt to deliver to a subscription, for its delivery log: when, how long, the receiver's status or the error. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    static final int MAX_ERROR_LENGTH = 1000;

    @Id
    public UUID id;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    /** The delivery (outbox message) attempted; null for a ping. */
    @Column(name = "delivery_id")
    public UUID deliveryId;

    /** The {@code webhook-id} sent: the change's id, or the ping's own. */
    @Column(name = "webhook_id", nullable = false)
    public UUID webhookId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    /** The receiver's HTTP status; null when it did not answer. */
    public Integer status;

    public String error;

    @Column(nullable = false)
    public boolean succeeded;

    static WebhookAttempt of(UUID subscriptionId, UUID deliveryId, UUID webhookId, String eventType, Instant at,
                             long durationMs, Integer status, String error) {
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.id = UUID.randomUUID();
        attempt.subscriptionId = subscriptionId;
        attempt.deliveryId = deliveryId;
        attempt.webhookId = webhookId;
        attempt.eventType = eventType;
        attempt.attemptedAt = at;
        attempt.durationMs = durationMs;
        attempt.status = status;
        attempt.error = error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
        attempt.succeeded = status != null && status >= 200 && status < 300;
        return attempt;
    }
}
