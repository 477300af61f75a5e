package cn.rescueforce.kit.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers due outbox messages: a message without an ordering key in a transaction of its own holding its row
 * ({@code for update skip locked}), the messages of an ordering key in their order, a batch per transaction holding
 * the key ({@link #attemptInOrder}), so two instances never deliver the same message at once nor a key out of order.
 * What a failure means is {@link DeliveryFailure}'s rule: a refusal for good parks the message at once, with the
 * reason; a passing failure leaves it pending and schedules the next attempt by the {@link Backoff} of the
 * configuration, until the {@link RetryLimit} parks it too. An outage of the receiver delays a message, it never
 * drops it: a parked message waits for {@code national} to retry or discard it. Receivers are idempotent per key,
 * so a delivery whose acknowledgement got lost is simply repeated. A message with an ordering key is attempted only
 * once no earlier message of its key is pending.
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
        deliverNow();
        metrics.refresh();
    }

    /** This process's relay is delivering ({@link #deliverNow}). */
    private final AtomicBoolean delivering = new AtomicBoolean();
    /** Messages were queued, or became due, since the current run began: it goes on once more. */
    private final AtomicBoolean wanted = new AtomicBoolean();

    /**
     * Delivers what is due now ({@link #deliverDue}) on the caller's thread, unless this process's relay is already
     * at it: then that run goes on once more when it is done, with what was queued meanwhile, and this returns at once.
     * So who queues messages (the webhook dispatcher, after each commit) never waits for their delivery, and the relay
     * of a process runs once at a time, its batches picking up what was queued while the previous ones were sent.
     */
    public void deliverNow() {
        wanted.set(true);
        while (wanted.get() && delivering.compareAndSet(false, true)) {
            try {
                wanted.set(false);
                deliverDue();
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay run failed (the next run retries): %s", e.toString());
            } finally {
                delivering.set(false);
            }
        }
    }

    /**
     * Attempts every message that is due now, in rounds until a round finds nothing to attempt; returns how many were
     * delivered. A round gives each ordering key one batch ({@link #attemptInOrder}) and attempts up to batch-size
     * messages without a key, so a key's backlog drains at the receiver's pace and no key waits for another's.
     */
    public int deliverDue() {
        int delivered = 0;
        while (true) {
            Round round = round();
            delivered += round.delivered;
            if (round.attempted == 0) {
                return delivered;
            }
        }
    }

    /** What a round, or one key's batch, attempted, delivered and parked. */
    private static final class Round {
        int attempted;
        int delivered;
        final List<Outcome> parked = new ArrayList<>();

        /** Counts {@code outcome}; true when the next message of its key may follow in the same batch. */
        boolean count(Outcome outcome) {
            if (outcome == Outcome.NOT_DUE) {
                return false;
            }
            attempted++;
            if (outcome == Outcome.DELIVERED) {
                delivered++;
            } else if (outcome == Outcome.PARKED_PERMANENT || outcome == Outcome.PARKED_GAVE_UP) {
                parked.add(outcome);
            }
            return outcome != Outcome.RETRY_LATER;
        }

        void add(Round other) {
            attempted += other.attempted;
            delivered += other.delivered;
            parked.addAll(other.parked);
        }
    }

    /**
     * What a round attempts: the keys whose first pending message is due, and the due messages without a key. The keys
     * are found by skipping from one to the next along the ordering index, and each key's first message is read
     * there, so a round costs a few index probes per key with pending messages, not a read of every pending message:
     * a backlog of thousands (a receiver that was down) does not make every round slower while it drains.
     */
    private static final String DUE = "with recursive keys(key) as ("
            + "(select ordering_key from outbox_message where state = 'PENDING' and ordering_key is not null order by ordering_key limit 1) "
            + "union all select (select m.ordering_key from outbox_message m where m.state = 'PENDING' and m.ordering_key is not null "
            + "and m.ordering_key > k.key order by m.ordering_key limit 1) from keys k where k.key is not null) "
            + "(select null, k.key from keys k where k.key is not null and (select h.next_attempt_at from outbox_message h "
            + "where h.state = 'PENDING' and h.ordering_key = k.key order by h.ordering_position limit 1) <= now() "
            + "limit :batch) union all "
            + "(select m.id, null from outbox_message m where m.state = 'PENDING' and m.ordering_key is null "
            + "and m.next_attempt_at <= now() order by m.next_attempt_at limit :batch)";

    private Round round() {
        @SuppressWarnings("unchecked")
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(DUE)
                .setParameter("batch", config.batchSize())
                .getResultList());
        Round round = new Round();
        for (Object[] row : due) {
            if (row[1] != null) {
                String orderingKey = (String) row[1];
                round.add(QuarkusTransaction.requiringNew().call(() -> attemptInOrder(orderingKey)));
            } else {
                UUID id = (UUID) row[0];
                round.count(QuarkusTransaction.requiringNew().call(() -> attempt(id)));
            }
        }
        // counted once the attempts' transactions have committed: a rolled-back parking is no parking
        round.parked.forEach(this::countParked);
        return round;
    }

    /** The lock space of the outbox's ordering keys (two-key advisory locks: apart from the feed's one-key lock). */
    private static final int ORDERING_LOCKS = 0x6f757462; // "outb"

    /**
     * Attempts the pending messages of {@code orderingKey} in their order, up to batch-size of them, in one
     * transaction: it holds the key (a transaction-scoped advisory lock, so that no other relay of any replica attempts
     * the key meanwhile) and their rows, and stops at the first message that is not due or must be retried later,
     * or once {@link #BATCH_TIME} has passed. One transaction per batch instead of one per message is what lets one
     * subscription's deliveries keep pace with hundreds of changes a second; should the commit fail after some were
     * sent, they are sent again (receivers deduplicate by key).
     */
    private Round attemptInOrder(String orderingKey) {
        Round batch = new Round();
        Object held = em.createNativeQuery("select pg_try_advisory_xact_lock(:space, hashtext(:key))")
                .setParameter("space", ORDERING_LOCKS).setParameter("key", orderingKey).getSingleResult();
        if (!Boolean.TRUE.equals(held)) {
            return batch; // another relay is at this key now
        }
        List<OutboxMessage> pending = em.createQuery("from OutboxMessage m where m.orderingKey = :key and m.state = :pending "
                        + "order by m.orderingPosition, m.createdAt", OutboxMessage.class)
                .setParameter("key", orderingKey).setParameter("pending", OutboxState.PENDING)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setMaxResults(config.batchSize())
                .getResultList();
        // the statements of the batch's attempts (message updates, attempt logs) go to the database in JDBC batches
        em.unwrap(Session.class).setJdbcBatchSize(config.batchSize());
        pending.stream().map(m -> m.destination).distinct().forEach(name -> destinationFor(name).prepare(
                pending.stream().filter(m -> m.destination.equals(name)).toList()));
        long until = System.nanoTime() + BATCH_TIME.toNanos();
        Window window = new Window(batch);
        for (OutboxMessage message : pending) {
            if (window.stopped || System.nanoTime() > until) {
                break;
            }
            if (message.state != OutboxState.PENDING) {
                continue; // parked by an earlier message's giving up (its destination held the rest)
            }
            if (message.nextAttemptAt.isAfter(Instant.now())) {
                break; // the first pending message waits for its retry, and the rest of its key behind it
            }
            OutboxDestination destination = destinationFor(message);
            String concurrencyKey = destination.concurrencyKey(message);
            window.makeRoomFor(message.destination, concurrencyKey);
            if (window.stopped) {
                break;
            }
            if (message.state != OutboxState.PENDING) {
                continue; // parked meanwhile, by the giving up of an attempt settled just now
            }
            message.attempting();
            window.inFlight.add(new InFlight(message, destination, concurrencyKey, destination.begin(message)));
        }
        window.settleAll();
        return batch;
    }

    /** An attempt under way: its message, destination and concurrency key. */
    private record InFlight(OutboxMessage message, OutboxDestination destination, String concurrencyKey,
                            OutboxDestination.Attempt attempt) {
    }

    /**
     * The attempts of one key's batch under way, in the order they were started: at most
     * {@link OutboxConfig#inFlight()} of them, no two of one concurrency key nor of two destinations (a message
     * without a concurrency key goes alone), each settled in that order once answered. An attempt to be retried
     * later stops the batch: no further message of the key is started, those under way are settled.
     */
    private final class Window {
        final Round batch;
        final ArrayDeque<InFlight> inFlight = new ArrayDeque<>();
        boolean stopped;

        Window(Round batch) {
            this.batch = batch;
        }

        /** Settles attempts, in order, until a message of {@code destination} and {@code concurrencyKey} may start. */
        void makeRoomFor(String destination, String concurrencyKey) {
            settleAnswered();
            while (!stopped && !inFlight.isEmpty() && (inFlight.size() >= config.inFlight() || concurrencyKey == null
                    || inFlight.stream().anyMatch(f -> f.concurrencyKey() == null || concurrencyKey.equals(f.concurrencyKey())
                    || !f.message().destination.equals(destination)))) {
                settleFirst();
                settleAnswered();
            }
        }

        /** Settles the attempts answered so far, up to the first one still under way. */
        void settleAnswered() {
            while (!stopped && !inFlight.isEmpty() && inFlight.peekFirst().attempt().answered().isDone()) {
                settleFirst();
            }
        }

        void settleAll() {
            while (!inFlight.isEmpty()) {
                settleFirst();
            }
        }

        /** Waits for the first attempt under way and settles it. */
        private void settleFirst() {
            InFlight first = inFlight.removeFirst();
            first.attempt().answered().join();
            Exception failure = first.attempt().finish();
            if (first.message().state != OutboxState.PENDING) {
                stopped = true; // held meanwhile: an earlier one's giving up disabled what it was for
                return;
            }
            if (!batch.count(settle(first.message(), first.destination(), failure))) {
                stopped = true;
            }
        }
    }

    private static Exception deliverOne(OutboxDestination destination, OutboxMessage message) {
        try {
            destination.deliver(message);
            return null;
        } catch (Exception e) {
            return e;
        }
    }

    /** How long one key's batch goes on sending before it commits and lets the other keys have their turn. */
    private static final Duration BATCH_TIME = Duration.ofSeconds(2);

    private void countParked(Outcome outcome) {
        switch (outcome) {
            case PARKED_PERMANENT -> metrics.parked(ParkingCause.PERMANENT);
            case PARKED_GAVE_UP -> metrics.parked(ParkingCause.GAVE_UP);
            default -> {
            }
        }
    }

    /** Attempts the message {@code id}, one without an ordering key, in the caller's transaction holding its row. */
    private Outcome attempt(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object> locked = em.createNativeQuery("select m.id from outbox_message m where m.id = :id and m.state = 'PENDING' "
                        + "and m.next_attempt_at <= now() for update of m skip locked")
                .setParameter("id", id).getResultList();
        if (locked.isEmpty()) {
            return Outcome.NOT_DUE; // delivered or parked meanwhile, or another instance holds it
        }
        OutboxMessage message = em.find(OutboxMessage.class, id);
        em.refresh(message);
        return attemptHeld(message);
    }

    /** Attempts {@code message}, whose row this transaction holds. */
    private Outcome attemptHeld(OutboxMessage message) {
        message.attempting();
        OutboxDestination destination = destinationFor(message);
        return settle(message, destination, deliverOne(destination, message));
    }

    /** What an attempt of {@code message} came to: delivered ({@code failure} null), retried later, or parked. */
    private Outcome settle(OutboxMessage message, OutboxDestination destination, Exception failure) {
        if (failure == null) {
            message.delivered(Instant.now());
            LOG.debugf("delivered %s to %s after %d attempt(s)", message.idempotencyKey, message.destination, message.attempts);
            return Outcome.DELIVERED;
        }
        RetrySchedule schedule = destination.retrySchedule().orElseGet(config::retrySchedule);
        Duration wait = schedule.backoff().after(message.roundAttempts);
        ParkingCause parked = message.failed(DeliveryFailure.of(message.destination, failure), schedule.limit(), wait, Instant.now());
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

    private OutboxDestination destinationFor(OutboxMessage message) {
        return destinationFor(message.destination);
    }

    private OutboxDestination destinationFor(String name) {
        for (OutboxDestination destination : destinations) {
            if (destination.name().equals(name)) {
                return destination;
            }
        }
        throw new IllegalStateException("no outbox destination " + name);
    }
}
