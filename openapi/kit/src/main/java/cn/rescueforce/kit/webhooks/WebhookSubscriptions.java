package cn.rescueforce.kit.webhooks;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.changes.ChangeEvent;
import cn.rescueforce.kit.changes.ChangeFeed;
import cn.rescueforce.kit.changes.ChangeRecorder;
import cn.rescueforce.kit.outbox.Outbox;
import cn.rescueforce.kit.outbox.OutboxMessage;
import cn.rescueforce.kit.outbox.ParkingCause;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CurrentCaller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a caller does with its webhook subscriptions ({@code /api/v1/webhook-subscriptions} of every service; README,
 * "Change feed and webhooks"). Every authenticated level may subscribe; a caller sees and manages only its own
 * subscriptions (another's is a 404, as if it did not exist), and a subscription receives only what its owner may
 * read in the feed.
 */
@ApplicationScoped
public class WebhookSubscriptions {

    /** The attempts shown with each delivery of the log. */
    static final int RECENT_ATTEMPTS = 20;

    @Inject
    CurrentCaller currentCaller;

    @Inject
    ChangeFeed feed;

    @Inject
    ChangeRecorder recorder;

    @Inject
    Outbox outbox;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    WebhooksConfig config;

    /**
     * A new subscription of the caller, receiving the changes committed from now on. The event types must be ones
     * this service publishes (400 naming {@code eventTypes}); the target must be allowed ({@link WebhookTarget}).
     */
    @Transactional
    public WebhookViews.Created create(WebhookViews.Input input) {
        Caller caller = currentCaller.get();
        List<String> types = publishedTypes(input.eventTypes());
        WebhookTarget.of(config).accept(input.targetUrl());
        long held = WebhookSubscription.count("ownerSub", caller.sub());
        if (held >= config.maxSubscriptionsPerCaller()) {
            throw new ProblemException(409, "webhook-subscription-limit", "Too many webhook subscriptions",
                    Text.of("A caller holds at most {0} webhook subscriptions; this one holds {1}. Delete one it no longer needs, or subscribe one target to more event types", config.maxSubscriptionsPerCaller(), held), null);
        }
        WebhookSubscription subscription = WebhookSubscription.of(caller, input.targetUrl(), types, input.description(),
                WebhookSignature.newSecret(), feed.head(), Instant.now());
        subscription.persist();
        return WebhookViews.Created.of(subscription);
    }

    public WebhookViews.SubscriptionPage list(Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("createdAt"));
        PanacheQuery<WebhookSubscription> found = WebhookSubscription.<WebhookSubscription>find("ownerSub",
                request.sort(), currentCaller.get().sub()).page(request.panachePage());
        return new WebhookViews.SubscriptionPage(found.list().stream().map(WebhookViews.Subscription::of).toList(),
                request.page(), request.size(), found.count());
    }

    public WebhookViews.Subscription get(UUID id) {
        return WebhookViews.Subscription.of(owned(id, false));
    }

    /** Deletes the subscription, its log and what it had not received yet. */
    @Transactional
    public void delete(UUID id) {
        WebhookSubscription subscription = owned(id, true);
        OutboxMessage.delete("destination = ?1 and aggregateId = ?2 and state in ?3", WebhookDeliveries.DESTINATION, id,
                List.of(cn.rescueforce.kit.outbox.OutboxState.PENDING, cn.rescueforce.kit.outbox.OutboxState.PARKED));
        subscription.delete();
    }

    /** Sends a signed {@code webhook.ping} now and answers how it went (logged with the deliveries). */
    @Transactional
    public WebhookViews.Attempt ping(UUID id) {
        return WebhookViews.Attempt.of(deliveries.ping(owned(id, false)));
    }

    /** The subscription's deliveries, newest first, each with its most recent attempts. */
    public WebhookViews.DeliveryPage deliveries(UUID id, Integer page, Integer size) {
        owned(id, false);
        PageRequest request = PageRequest.of(page, size, null, Map.of(),
                Sort.by("createdAt", Sort.Direction.Descending));
        return QuarkusTransaction.joiningExisting().call(() -> {
            PanacheQuery<OutboxMessage> found = OutboxMessage.<OutboxMessage>find("destination = ?1 and aggregateId = ?2",
                    request.sort(), WebhookDeliveries.DESTINATION, id).page(request.panachePage());
            List<WebhookViews.Delivery> items = new ArrayList<>();
            for (OutboxMessage message : found.list()) {
                List<WebhookAttempt> recent = WebhookAttempt.<WebhookAttempt>find("deliveryId", Sort.by("attemptedAt",
                        Sort.Direction.Descending), message.id).range(0, RECENT_ATTEMPTS - 1).list();
                items.add(WebhookViews.Delivery.of(message, deliveries.payloadOf(message), recent));
            }
            return new WebhookViews.DeliveryPage(items, request.page(), request.size(), found.count());
        });
    }

    /**
     * Queues a past change for delivery again (same {@code webhook-id}: a receiver that already has it ignores it),
     * while the feed keeps it; a change the owner may not read, or of another type, is as unknown (404).
     */
    @Transactional
    public WebhookViews.Delivery redeliver(UUID id, UUID changeId) {
        WebhookSubscription subscription = owned(id, true);
        ChangeEvent change = ChangeEvent.<ChangeEvent>find("id", changeId).firstResult();
        if (change == null || feed.events(subscription.owner(), change.position - 1, change.position, 1,
                subscription.eventTypeList()).isEmpty()) {
            throw ProblemException.notFound(Text.of("change"), changeId);
        }
        WebhookDeliveries.Payload payload = new WebhookDeliveries.Payload(change.id, change.position, change.type);
        OutboxMessage message = outbox.enqueueInOrder(WebhookDeliveries.DESTINATION,
                subscription.id + ":" + change.id + ":" + UUID.randomUUID(), subscription.id, deliveries.payloadJson(payload),
                subscription.id.toString(), change.position);
        if (!subscription.isActive()) {
            message.park(ParkingCause.GAVE_UP, "held while the subscription is disabled", Instant.now());
        }
        return WebhookViews.Delivery.of(message, payload, List.of());
    }

    /** Deliveries resume, beginning with what was held back while it was disabled. */
    @Transactional
    public WebhookViews.Subscription enable(UUID id) {
        WebhookSubscription subscription = owned(id, true);
        if (!subscription.isActive()) {
            deliveries.resume(subscription, Instant.now());
        }
        return WebhookViews.Subscription.of(subscription);
    }

    /** Deliveries stop; the changes meanwhile are held, and delivered once it is enabled again. */
    @Transactional
    public WebhookViews.Subscription disable(UUID id) {
        WebhookSubscription subscription = owned(id, true);
        deliveries.hold(subscription, "disabled by its owner", Instant.now());
        return WebhookViews.Subscription.of(subscription);
    }

    /** The event types named, each once, in the order given: 400 naming {@code eventTypes} for one not published. */
    List<String> publishedTypes(List<String> named) {
        List<String> published = recorder.eventTypes();
        if (named == null || named.isEmpty()) {
            throw ProblemException.invalid("eventTypes", Text.of("name at least one event type; this service publishes {0}", String.join(", ", published)));
        }
        for (String type : named) {
            if (!published.contains(type)) {
                throw ProblemException.invalid("eventTypes", Text.of("this service publishes no event type '{0}'; it publishes {1}", type, String.join(", ", published)));
            }
        }
        return List.copyOf(new LinkedHashSet<>(named));
    }

    /** The caller's own subscription, or 404 as if it did not exist (someone else's included). */
    private WebhookSubscription owned(UUID id, boolean lock) {
        Caller caller = currentCaller.get();
        WebhookSubscription subscription = lock ? WebhookSubscription.findById(id, LockModeType.PESSIMISTIC_WRITE)
                : WebhookSubscription.findById(id);
        if (subscription == null || !subscription.isOwnedBy(caller)) {
            throw ProblemException.notFound(Text.of("webhook subscription"), id);
        }
        return subscription;
    }
}
