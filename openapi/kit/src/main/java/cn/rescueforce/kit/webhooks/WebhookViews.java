package cn.rescueforce.kit.webhooks;

import cn.rescueforce.kit.outbox.OutboxMessage;
import cn.rescueforce.kit.outbox.OutboxState;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The webhooks' objects as the contract shows them (common.yaml, {@code WebhookSubscription},
 * {@code WebhookSubscriptionCreated}, {@code WebhookSubscriptionPage}, {@code WebhookDelivery},
 * {@code WebhookDeliveryPage}, {@code WebhookAttempt}); the services answer them as they are.
 */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** What a subscription's owner sends to create it. */
    public record Input(String targetUrl, List<String> eventTypes, String description) {
    }

    public record Subscription(UUID id, String targetUrl, List<String> eventTypes, String description, WebhookState state,
                               OffsetDateTime createdAt, OffsetDateTime disabledAt, String disabledReason) {

        static Subscription of(WebhookSubscription s) {
            return new Subscription(s.id, s.targetUrl, s.eventTypeList(), s.description, s.state, utc(s.createdAt),
                    utc(s.disabledAt), s.disabledReason);
        }
    }

    /** The answer to a creation: the subscription and, this once, its signing secret. */
    public record Created(UUID id, String targetUrl, List<String> eventTypes, String description, WebhookState state,
                          OffsetDateTime createdAt, String secret) {

        static Created of(WebhookSubscription s) {
            return new Created(s.id, s.targetUrl, s.eventTypeList(), s.description, s.state, utc(s.createdAt), s.secret);
        }
    }

    public record SubscriptionPage(List<Subscription> items, int page, int size, long total) {
    }

    public record Attempt(UUID webhookId, String eventType, OffsetDateTime attemptedAt, long durationMs, Integer responseStatus,
                          String error, boolean succeeded) {

        static Attempt of(WebhookAttempt a) {
            return new Attempt(a.webhookId, a.eventType, utc(a.attemptedAt), a.durationMs, a.status, a.error, a.succeeded);
        }
    }

    /** One change on its way to a subscription, with its most recent attempts. */
    public record Delivery(UUID id, UUID webhookId, String eventType, OutboxState state, OffsetDateTime queuedAt,
                           int attempts, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, String reason,
                           List<Attempt> recentAttempts) {

        static Delivery of(OutboxMessage m, WebhookDeliveries.Payload payload, List<WebhookAttempt> recent) {
            return new Delivery(m.id, payload.changeId(), payload.type(), m.state, utc(m.createdAt), m.attempts,
                    m.state == OutboxState.PENDING ? utc(m.nextAttemptAt) : null, utc(m.deliveredAt), m.parkingReason,
                    recent.stream().map(Attempt::of).toList());
        }
    }

    public record DeliveryPage(List<Delivery> items, int page, int size, long total) {
    }

    /** What the owner names to have a past change delivered again. */
    public record Redelivery(UUID changeId) {
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
