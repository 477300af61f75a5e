package cn.rescueforce.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * The outbox's health at {@code /q/metrics} (README, "Outbox: parked deliveries"):
 * {@code outbox_messages_parked_total{reason="permanent|gave_up"}} counts messages parked by the relay,
 * {@code outbox_parked_messages} is how many are parked now and {@code outbox_oldest_pending_age_seconds} how long
 * the oldest pending message has waited in its round (0 when none is pending). The two gauges read a snapshot the
 * relay takes once per run with one query over two partial indexes, never a query per scrape.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    EntityManager em;

    private final Map<ParkingCause, Counter> parked = new EnumMap<>(ParkingCause.class);
    private volatile long parkedNow;
    private volatile Instant oldestPending;

    @PostConstruct
    void register() {
        for (ParkingCause cause : ParkingCause.values()) {
            parked.put(cause, Counter.builder("outbox.messages.parked")
                    .description("Outbox messages the relay parked: refused for good (permanent) or past the retry limit (gave_up)")
                    .tag("reason", cause.tag())
                    .register(registry));
        }
        Gauge.builder("outbox.parked.messages", this, m -> m.parkedNow)
                .description("Outbox messages parked now, waiting for national to retry or discard them")
                .register(registry);
        Gauge.builder("outbox.oldest.pending.age", this, m -> m.oldestPendingAgeSeconds(Instant.now()))
                .description("How long the oldest pending outbox message has waited since it was queued or retried; 0 when none")
                .baseUnit("seconds")
                .register(registry);
    }

    /** A message was parked (counted once its transaction committed). */
    void parked(ParkingCause cause) {
        parked.get(cause).increment();
    }

    /** Takes the snapshot the gauges read: how many are parked, when the oldest pending round began. */
    public void refresh() {
        Object[] row = (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select (select count(*) from outbox_message where state = 'PARKED'), "
                        + "(select min(round_started_at) from outbox_message where state = 'PENDING')").getSingleResult());
        parkedNow = ((Number) row[0]).longValue();
        oldestPending = instant(row[1]);
    }

    double oldestPendingAgeSeconds(Instant now) {
        Instant oldest = oldestPending;
        return oldest == null ? 0 : Math.max(Duration.between(oldest, now).toMillis() / 1000.0, 0);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
