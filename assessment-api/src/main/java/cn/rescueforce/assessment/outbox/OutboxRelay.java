package cn.rescueforce.assessment.outbox;

import cn.rescueforce.assessment.AssessmentConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Delivers due outbox messages, each in its own transaction holding its row ({@code for update skip locked},
 * so two instances never deliver the same message at once). A failure leaves the message undelivered and
 * schedules the next attempt by the {@link Backoff} of the configuration: an outage of the
 * receiver delays a message, it never drops it. Receivers are idempotent per key, so a delivery whose
 * acknowledgement got lost is simply repeated.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    AssessmentConfig config;

    @Inject
    Instance<OutboxDestination> destinations;

    @Scheduled(every = "{assessment.outbox.poll-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        deliverDue();
    }

    /** Attempts every message that is due now; returns how many were delivered. */
    public int deliverDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select m.id from OutboxMessage m where m.deliveredAt is null and m.nextAttemptAt <= :now order by m.nextAttemptAt",
                        UUID.class)
                .setParameter("now", Instant.now())
                .setMaxResults(config.outbox().batchSize())
                .getResultList());
        int delivered = 0;
        for (UUID id : due) {
            if (QuarkusTransaction.requiringNew().call(() -> attempt(id))) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean attempt(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object> locked = em.createNativeQuery("select id from outbox_message where id = :id and delivered_at is null "
                        + "and next_attempt_at <= now() for update skip locked")
                .setParameter("id", id).getResultList();
        if (locked.isEmpty()) {
            return false; // delivered meanwhile, or another instance holds it
        }
        OutboxMessage message = em.find(OutboxMessage.class, id);
        em.refresh(message);
        message.attempting();
        try {
            destinationFor(message).deliver(message);
            message.delivered(Instant.now());
            LOG.debugf("delivered %s to %s after %d attempt(s)", message.idempotencyKey, message.destination, message.attempts);
            return true;
        } catch (Exception e) {
            Duration wait = backoff().after(message.attempts);
            message.failed(e, Instant.now().plus(wait));
            LOG.warnf("delivery of %s to %s failed (attempt %d), next in %s: %s", message.idempotencyKey, message.destination,
                    message.attempts, wait, message.lastError);
            return false;
        }
    }

    private Backoff backoff() {
        return new Backoff(config.outbox().initialBackoff(), config.outbox().maxBackoff());
    }

    private OutboxDestination destinationFor(OutboxMessage message) {
        for (OutboxDestination destination : destinations) {
            if (destination.name().equals(message.destination)) {
                return destination;
            }
        }
        throw new IllegalStateException("no outbox destination " + message.destination);
    }
}
