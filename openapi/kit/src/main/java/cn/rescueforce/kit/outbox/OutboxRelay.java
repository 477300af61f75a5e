package cn.rescueforce.kit.outbox;

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
 * acknowledgement got lost is simply repeated. A message with an ordering key is attempted only while no earlier
 * message of its key is pending (checked again under the row lock, so two instances keep the order too).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    Instance<OutboxDestination> destinations;

    @Inject
    OutboxMetrics metrics;

    /** What one attempt came to. */
    enum Outcome { DELIVERED, RETRY_LATER, PARKED_PERMANENT, PARKED_GAVE_UP, NOT_DUE }

    @Scheduled(every = "{rescue-force.outbox.poll-interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        deliverDue();
        metrics.refresh();
    }

    /**
     * Attempts every message that is due now; returns how many were delivered. Of the messages with an ordering key
     * only the first pending one of each key is due; once it is delivered, the next one of its key follows in the
     * same run, so a key's backlog drains at the receiver's pace, not one message per run.
     */
    public int deliverDue() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select m.id, m.ordering_key from outbox_message m where m.state = 'PENDING' and m.next_attempt_at <= now() "
                                + "and not exists (" + EARLIER_PENDING + ") order by m.next_attempt_at limit :batch")
                .setParameter("batch", config.batchSize())
                .getResultList());
        int delivered = 0;
        for (Object[] row : due) {
            UUID id = (UUID) row[0];
            String orderingKey = (String) row[1];
            int ofKey = 0;
            while (id != null) {
                // counted once the attempt's transaction has committed: a rolled-back parking is no parking
                UUID attempted = id;
                Outcome outcome = QuarkusTransaction.requiringNew().call(() -> attempt(attempted));
                switch (outcome) {
                    case DELIVERED -> delivered++;
                    case PARKED_PERMANENT -> metrics.parked(ParkingCause.PERMANENT);
                    case PARKED_GAVE_UP -> metrics.parked(ParkingCause.GAVE_UP);
                    default -> {
                    }
                }
                boolean keyGoesOn = orderingKey != null && outcome != Outcome.RETRY_LATER && outcome != Outcome.NOT_DUE
                        && ++ofKey < config.batchSize();
                id = keyGoesOn ? nextOf(orderingKey) : null;
            }
        }
        return delivered;
    }

    /** An earlier pending message of the same ordering key than {@code m}: {@code m} waits for it. */
    private static final String EARLIER_PENDING = "select 1 from outbox_message e where e.ordering_key = m.ordering_key "
            + "and e.state = 'PENDING' and e.id <> m.id and (e.ordering_position < m.ordering_position "
            + "or (e.ordering_position = m.ordering_position and e.created_at < m.created_at))";

    /** The first pending message of {@code orderingKey} if it is due now, or null. */
    private UUID nextOf(String orderingKey) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // the key's first pending message (by definition none earlier is pending), straight from the ordering
            // index: a backlog of thousands costs one index probe per message, not a scan of the backlog
            @SuppressWarnings("unchecked")
            List<Object[]> first = em.createNativeQuery("select m.id, m.next_attempt_at <= now() from outbox_message m "
                            + "where m.ordering_key = :key and m.state = 'PENDING' order by m.ordering_position, m.created_at limit 1")
                    .setParameter("key", orderingKey).getResultList();
            return first.isEmpty() || !Boolean.TRUE.equals(first.get(0)[1]) ? null : (UUID) first.get(0)[0];
        });
    }

    private Outcome attempt(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object> locked = em.createNativeQuery("select m.id from outbox_message m where m.id = :id and m.state = 'PENDING' "
                        + "and m.next_attempt_at <= now() and not exists (" + EARLIER_PENDING + ") for update of m skip locked")
                .setParameter("id", id).getResultList();
        if (locked.isEmpty()) {
            return Outcome.NOT_DUE; // delivered or parked meanwhile, another instance holds it, or an earlier one waits
        }
        OutboxMessage message = em.find(OutboxMessage.class, id);
        em.refresh(message);
        message.attempting();
        OutboxDestination destination = destinationFor(message);
        RetrySchedule schedule = destination.retrySchedule().orElseGet(config::retrySchedule);
        try {
            destination.deliver(message);
            message.delivered(Instant.now());
            LOG.debugf("delivered %s to %s after %d attempt(s)", message.idempotencyKey, message.destination, message.attempts);
            return Outcome.DELIVERED;
        } catch (Exception e) {
            Duration wait = schedule.backoff().after(message.roundAttempts);
            ParkingCause parked = message.failed(DeliveryFailure.of(message.destination, e), schedule.limit(), wait, Instant.now());
            if (parked == null) {
                LOG.warnf("delivery of %s to %s failed (attempt %d), next in %s: %s", message.idempotencyKey, message.destination,
                        message.attempts, wait, message.lastError);
                return Outcome.RETRY_LATER;
            }
            LOG.errorf("delivery of %s to %s parked (%s): %s", message.idempotencyKey, message.destination, parked.tag(),
                    message.parkingReason);
            destination.parked(message);
            return parked == ParkingCause.PERMANENT ? Outcome.PARKED_PERMANENT : Outcome.PARKED_GAVE_UP;
        }
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
