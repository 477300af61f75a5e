package cn.rescueforce.kit.webhooks;

import cn.rescueforce.kit.changes.ChangeEvent;
import cn.rescueforce.kit.changes.ChangeFeed;
import cn.rescueforce.kit.changes.ChangeFeedConfig;
import cn.rescueforce.kit.changes.ChangesCommitted;
import cn.rescueforce.kit.outbox.Outbox;
import cn.rescueforce.kit.outbox.OutboxRelay;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns new changes into deliveries (README, "Change feed and webhooks"). Each run takes the feed's head, then for
 * every active subscription behind it, in one transaction holding the subscription's row ({@code for no key update
 * skip locked}, so replicas share the subscriptions and never queue a change twice): reads the feed after the
 * subscription's position as its owner ({@link ChangeFeed#events}, the same scope as the owner's own reads), of its
 * event types, queues one outbox message per change in feed order, and moves the position on. A change is thus
 * queued exactly once, in the transaction that moves the position past it; the relay then delivers the messages
 * of a subscription one after the other.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    @Inject
    EntityManager em;

    @Inject
    ChangeFeed feed;

    @Inject
    ChangeFeedConfig feedConfig;

    @Inject
    Outbox outbox;

    @Inject
    WebhookDeliveries deliveries;

    @Inject
    OutboxRelay relay;

    @Inject
    WebhooksConfig config;

    /** A run is going on in this process. */
    private final AtomicBoolean running = new AtomicBoolean();
    /** Changes committed since the current run began: it runs once more. */
    private final AtomicBoolean again = new AtomicBoolean();

    /** A commit in this process wrote changes: queue and deliver them now, not at the next scheduled run. */
    void committed(@ObservesAsync ChangesCommitted changes) {
        dispatch();
    }

    /** The scheduled run: changes committed by other replicas, and retries. */
    @Scheduled(every = "{rescue-force.webhooks.dispatch-interval}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        again.set(true);
        boolean queued = false;
        // one run at a time in a process; a commit during a run makes it run once more (commits coalesce)
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                again.set(false);
                queued |= queueNewChanges() > 0;
            } catch (RuntimeException e) {
                LOG.warnf("webhook dispatch failed (the next run retries): %s", e.toString());
            } finally {
                running.set(false);
            }
        }
        if (queued) {
            relay.deliverNow(); // now, not at the relay's next run; while it delivers, later commits are queued
        }
    }

    /** Queues every subscription's changes up to the feed's head now; returns how many deliveries were queued. */
    public int queueNewChanges() {
        long[] head = new long[1];
        List<UUID> behind = QuarkusTransaction.requiringNew().call(() -> {
            head[0] = feed.head();
            return em.createQuery("select s.id from WebhookSubscription s where s.state = :active and s.position < :head", UUID.class)
                    .setParameter("active", WebhookState.ACTIVE)
                    .setParameter("head", head[0])
                    .getResultList();
        });
        int queued = 0;
        for (UUID id : behind) {
            queued += QuarkusTransaction.requiringNew().call(() -> queue(id, head[0]));
        }
        return queued;
    }

    private int queue(UUID id, long head) {
        // "no key update": exclusive among dispatchers and against a deletion, but not against the key-share lock
        // of the foreign key that the relay's attempt logs take meanwhile (a "for update" made each of the relay's
        // batches wait for this transaction's commit)
        List<?> locked = em.createNativeQuery("select id from webhook_subscription where id = :id and state = 'ACTIVE' "
                + "and position < :head for no key update skip locked").setParameter("id", id).setParameter("head", head).getResultList();
        if (locked.isEmpty()) {
            return 0; // disabled or deleted meanwhile, queued by another replica, or held by it now
        }
        // read after the lock, in this transaction's own persistence context: the row as it stands now
        WebhookSubscription subscription = em.find(WebhookSubscription.class, id);
        int limit = config.dispatchBatch();
        em.unwrap(Session.class).setJdbcBatchSize(limit); // the messages are inserted in JDBC batches
        List<ChangeEvent> changes = feed.events(subscription.owner(), subscription.position, head, limit,
                subscription.eventTypeList());
        for (ChangeEvent change : changes) {
            WebhookDeliveries.Payload payload = new WebhookDeliveries.Payload(change.id, change.position, change.type);
            outbox.enqueueInOrder(WebhookDeliveries.DESTINATION, subscription.id + ":" + change.id, subscription.id,
                    deliveries.payloadJson(payload), subscription.id.toString(), change.position);
        }
        // a full batch stops at its last change; otherwise everything up to the head was read (what the owner may
        // not see, or did not subscribe to, included)
        subscription.queuedThrough(changes.size() == limit ? changes.get(changes.size() - 1).position : head);
        return changes.size();
    }

    /** The delivery log and the delivered messages go with the feed's retention: nothing older can be redelivered. */
    @Scheduled(every = "1h", delayed = "2m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        Instant before = Instant.now().minus(feedConfig.retention());
        int deleted = QuarkusTransaction.requiringNew().call(() -> {
            int attempts = em.createNativeQuery("delete from webhook_attempt where attempted_at < :before")
                    .setParameter("before", before).executeUpdate();
            int messages = em.createNativeQuery("delete from outbox_message where destination = :webhook "
                            + "and state in ('DELIVERED', 'DISCARDED') and created_at < :before")
                    .setParameter("webhook", WebhookDeliveries.DESTINATION).setParameter("before", before).executeUpdate();
            return attempts + messages;
        });
        if (deleted > 0) {
            LOG.infof("webhooks: %d attempts and deliveries older than %s deleted", deleted, feedConfig.retention());
        }
    }
}
