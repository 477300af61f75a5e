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
 * so two instances never deliver the same message at once). What a failure means is {@link DeliveryFailure}'s
 * rule: a refusal for good parks the message at once, with the reason; a passing failure leaves it pending and
 * schedules the next attempt by the {@link Backoff} of the configuration, until the {@link RetryLimit} parks it
 * too. An outage of the receiver delays a message, it never drops it: a parked message waits for
 * {@code national} to retry or discard it. Receivers are idempotent per key, so a delivery whose
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

    @Inject
    OutboxMetrics metrics;

    /** What one attempt came to. */
    enum Outcome { DELIVERED, RETRY_LATER, PARKED_PERMANENT, PARKED_GAVE_UP, NOT_DUE }

    @Scheduled(every = "{assessment.outbox.poll-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        deliverDue();
        metrics.refresh();
    }

    /** Attempts every message that is due now; returns how many were delivered. */
    public int deliverDue() {
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select m.id from OutboxMessage m where m.state = :pending and m.nextAttemptAt <= :now order by m.nextAttemptAt",
                        UUID.class)
                .setParameter("pending", OutboxState.PENDING)
                .setParameter("now", Instant.now())
                .setMaxResults(config.outbox().batchSize())
                .getResultList());
        int delivered = 0;
        for (UUID id : due) {
            // counted once the attempt's transaction has committed: a rolled-back parking is no parking
            switch (QuarkusTransaction.requiringNew().call(() -> attempt(id))) {
                case DELIVERED -> delivered++;
                case PARKED_PERMANENT -> metrics.parked(ParkingCause.PERMANENT);
                case PARKED_GAVE_UP -> metrics.parked(ParkingCause.GAVE_UP);
                default -> {
                }
            }
        }
        return delivered;
    }

    private Outcome attempt(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object> locked = em.createNativeQuery("select id from outbox_message where id = :id and state = 'PENDING' "
                        + "and next_attempt_at <= now() for update skip locked")
                .setParameter("id", id).getResultList();
        if (locked.isEmpty()) {
            return Outcome.NOT_DUE; // delivered or parked meanwhile, or another instance holds it
        }
        OutboxMessage message = em.find(OutboxMessage.class, id);
        em.refresh(message);
        message.attempting();
        try {
            destinationFor(message).deliver(message);
            message.delivered(Instant.now());
            LOG.debugf("delivered %s to %s after %d attempt(s)", message.idempotencyKey, message.destination, message.attempts);
            return Outcome.DELIVERED;
        } catch (Exception e) {
            Duration wait = backoff().after(message.roundAttempts);
            ParkingCause parked = message.failed(DeliveryFailure.of(message.destination, e), retryLimit(), wait, Instant.now());
            if (parked == null) {
                LOG.warnf("delivery of %s to %s failed (attempt %d), next in %s: %s", message.idempotencyKey, message.destination,
                        message.attempts, wait, message.lastError);
                return Outcome.RETRY_LATER;
            }
            LOG.errorf("delivery of %s to %s parked (%s): %s", message.idempotencyKey, message.destination, parked.tag(),
                    message.parkingReason);
            return parked == ParkingCause.PERMANENT ? Outcome.PARKED_PERMANENT : Outcome.PARKED_GAVE_UP;
        }
    }

    private Backoff backoff() {
        return new Backoff(config.outbox().initialBackoff(), config.outbox().maxBackoff());
    }

    private RetryLimit retryLimit() {
        return new RetryLimit(config.outbox().maxAttempts(), config.outbox().maxAge());
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
