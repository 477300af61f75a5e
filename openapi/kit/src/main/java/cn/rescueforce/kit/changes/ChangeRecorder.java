package cn.rescueforce.kit.changes;

import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.personaldata.PersonalDataField;
import cn.rescueforce.kit.security.ManagementLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the change feed in the transaction of the change (so a change is never committed without its event, nor
 * an event without its change). {@code AuditTrail.record} notes each change; just before the transaction commits,
 * after everything else is flushed, the recorder renders every changed entity through its {@link ChangeSource},
 * takes the feed's lock (a transaction-scoped advisory lock, released by the commit) and numbers the events from the
 * feed's sequence. Transactions therefore take positions in the order they commit, and a reader never sees a
 * position before a smaller one is visible: no change that commits late is skipped by a reader that resumed past
 * it. The lock is held only for the inserts and the commit itself.
 */
@ApplicationScoped
public class ChangeRecorder {

    /** The key of the feed's advisory lock: "change_event" read as a number, the same in every service. */
    static final long FEED_LOCK = 0x6368616e67655fL;
    static final PersonalDataField BODY = new PersonalDataField("change_event.body");
    private static final String PENDING = ChangeRecorder.class.getName() + ".pending";

    @Inject
    TransactionManager transactions;

    @Inject
    TransactionSynchronizationRegistry registry;

    @Inject
    EntityManager em;

    @Inject
    Instance<ChangeSource> sources;

    @Inject
    Instance<PersonalDataCipher> cipher;

    @Inject
    ObjectMapper json;

    private final Map<String, ChangeSource> byEntityType = new HashMap<>();

    @PostConstruct
    void index() {
        for (ChangeSource source : sources) {
            ChangeSource before = byEntityType.put(source.entityType(), source);
            if (before != null) {
                throw new IllegalStateException("two change sources for " + source.entityType() + ": "
                        + before.getClass().getName() + " and " + source.getClass().getName());
            }
        }
    }

    /** A noted change: which entity, which audited action, who, when. */
    record Noted(String entityType, UUID entityId, String action, ManagementLevel actorLevel, Instant at) {
    }

    /** Notes a change of the current transaction; its event is written just before the transaction commits. */
    public void changed(String entityType, UUID entityId, String action, ManagementLevel actorLevel, Instant at) {
        if (!byEntityType.containsKey(entityType)) {
            throw new IllegalStateException("no ChangeSource for entity type " + entityType
                    + ": every audited change is published in the change feed");
        }
        @SuppressWarnings("unchecked")
        List<Noted> pending = (List<Noted>) registry.getResource(PENDING);
        if (pending == null) {
            pending = new ArrayList<>();
            registry.putResource(PENDING, pending);
            List<Noted> events = pending;
            try {
                // an ordinary (not interposed) synchronization: it runs before Hibernate's own flush at commit, so
                // the events it persists are flushed with everything else
                transactions.getTransaction().registerSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        write(events);
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            } catch (RollbackException | SystemException | IllegalStateException e) {
                throw new IllegalStateException("a change is recorded only within an active transaction", e);
            }
        }
        pending.add(new Noted(entityType, entityId, action, actorLevel, at));
    }

    /** The event types of every source, as subscriptions may name them. */
    public List<String> eventTypes() {
        return byEntityType.values().stream().flatMap(s -> s.eventTypes().stream()).sorted().toList();
    }

    private void write(List<Noted> noted) {
        if (noted.isEmpty() || transactionRollsBack()) {
            return;
        }
        // everything else first: a row lock this transaction still has to wait for is never waited for under the
        // feed's lock (two writers would deadlock)
        em.flush();
        Map<String, ChangeSource.Representation> rendered = new LinkedHashMap<>();
        List<ChangeEvent> events = new ArrayList<>(noted.size());
        for (Noted change : noted) {
            ChangeSource source = byEntityType.get(change.entityType());
            ChangeSource.Representation representation = rendered.computeIfAbsent(
                    change.entityType() + ":" + change.entityId(), key -> source.represent(change.entityId()));
            if (representation == null) {
                continue; // gone again within the same transaction
            }
            events.add(event(source, change, representation));
        }
        em.createNativeQuery("select pg_advisory_xact_lock(" + FEED_LOCK + ")").getSingleResult();
        for (ChangeEvent event : events) {
            event.position = ((Number) em.createNativeQuery("select nextval('change_event_position')").getSingleResult()).longValue();
            em.persist(event);
        }
        em.flush();
    }

    private ChangeEvent event(ChangeSource source, Noted change, ChangeSource.Representation representation) {
        ChangeEvent event = new ChangeEvent();
        event.id = UUID.randomUUID();
        event.type = source.eventType(change.action());
        event.entityType = change.entityType();
        event.entityId = change.entityId();
        event.entityVersion = representation.version();
        event.occurredAt = change.at();
        event.actorLevel = change.actorLevel();
        Audience audience = representation.audience();
        event.audience = audience.kind().name();
        event.province = audience.province();
        event.mining = audience.mining();
        event.unit = audience.unit();
        event.assessorOrg = audience.assessorOrg();
        event.levels = audience.levelsColumn();
        String body;
        try {
            body = json.writeValueAsString(representation.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the representation of " + change.entityType(), e);
        }
        event.personalData = representation.personalData();
        event.body = representation.personalData() ? cipher.get().encrypt(BODY, body) : body;
        return event;
    }

    /** The body as JSON, decrypted when it holds personal data. */
    String bodyOf(ChangeEvent event) {
        return event.personalData ? cipher.get().decrypt(BODY, event.body) : event.body;
    }

    private boolean transactionRollsBack() {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_MARKED_ROLLBACK || status == Status.STATUS_ROLLING_BACK
                || status == Status.STATUS_ROLLEDBACK;
    }
}
