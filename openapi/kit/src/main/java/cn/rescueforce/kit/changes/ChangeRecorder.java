package cn.rescueforce.kit.changes;

import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.personaldata.PersonalDataField;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes the change feed in the transaction of the change (so a change is never committed without its event, nor
 * an event without its change). {@code AuditTrail.record} notes each change; when the transaction completes, right
 * after Hibernate's own flush, the recorder renders every changed entity through its {@link ChangeSource}, takes the
 * feed's lock (a transaction-scoped advisory lock, released by the commit) and inserts the events numbered from the
 * feed's sequence. Transactions therefore take positions in the order they commit, and a reader never sees a position
 * before every smaller one is final: no change that commits late is skipped by a reader that resumed past it. The
 * lock is held only for the inserts and the commit itself (everything else was flushed before it is taken, so no
 * writer waits for a row lock while holding it).
 */
@ApplicationScoped
public class ChangeRecorder {

    /** The key of the feed's advisory lock: "change_e" read as a number, the same in every service. */
    static final long FEED_LOCK = 0x6368616e67655fL;
    static final PersonalDataField BODY = new PersonalDataField("change_event.body");
    private static final String PENDING = ChangeRecorder.class.getName() + ".pending";
    /**
     * Takes the feed's lock and inserts one event numbered from the feed's sequence, in one statement: the position is
     * drawn from the lock's row (a common table expression calling a volatile function is evaluated once, before
     * what reads it), so once the lock is held, and no round trip between the service
     * and the database is spent while holding it before the insert (the lock is held from here to the commit, so
     * every millisecond of it is one that no other writer can commit in). Taken again for every event of a batch:
     * the same transaction's lock, held once.
     */
    private static final String INSERT = "with feed_lock as (select pg_advisory_xact_lock(" + FEED_LOCK + "))"
            + " insert into change_event (position, id, type, entity_type, entity_id, entity_version,"
            + " occurred_at, actor_level, " + Audience.COLUMNS + ", body, personal_data)"
            + " values ((select nextval('change_event_position') from feed_lock), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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

    @Inject
    Event<ChangesCommitted> committed;

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

    /** Notes a change of the current transaction; its event is written when the transaction completes. */
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
            // Hibernate runs it in its own completion of the transaction, after flushing the session: the connection is
            // still the transaction's, and nothing else is left to write
            TransactionCompletionCallbacks callbacks = em.unwrap(SharedSessionContractImplementor.class)
                    .getTransactionCompletionCallbacks();
            callbacks.registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) session -> write(session, events));
            callbacks.registerCallback((TransactionCompletionCallbacks.AfterCompletionCallback) (success, session) -> {
                if (success) {
                    committed.fireAsync(new ChangesCommitted(events.size()));
                }
            });
        }
        pending.add(new Noted(entityType, entityId, action, actorLevel, at));
    }

    /** The event types of every source, as subscriptions may name them. */
    public List<String> eventTypes() {
        return byEntityType.values().stream().flatMap(s -> s.eventTypes().stream()).sorted().toList();
    }

    /** The body of a change as {@code reader} sees it: decrypted when it holds personal data, masked as its source says. */
    public String bodyOf(ChangeEvent event, Caller reader) {
        String body = event.personalData ? cipher.get().decrypt(BODY, event.body) : event.body;
        ChangeSource source = byEntityType.get(event.entityType);
        return source == null ? body : source.asSeenBy(reader, body);
    }

    private void write(SharedSessionContractImplementor session, List<Noted> noted) {
        if (noted.isEmpty()) {
            return;
        }
        Map<String, ChangeSource.Representation> rendered = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>(noted.size());
        for (Noted change : noted) {
            ChangeSource source = byEntityType.get(change.entityType());
            ChangeSource.Representation representation = rendered.computeIfAbsent(
                    change.entityType() + ":" + change.entityId(), key -> source.represent(change.entityId()));
            if (representation != null) { // null: gone again within the same transaction
                rows.add(row(source, change, representation));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        bind(insert, i + 1, row[i]);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The columns after {@code position}, in {@link #INSERT}'s order. */
    private Object[] row(ChangeSource source, Noted change, ChangeSource.Representation representation) {
        Audience audience = representation.audience();
        String body;
        try {
            body = json.writeValueAsString(representation.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the representation of " + change.entityType(), e);
        }
        Object[] event = {UUID.randomUUID(), source.eventType(change.action()), change.entityType(), change.entityId(),
                representation.version(), change.at().atOffset(java.time.ZoneOffset.UTC), change.actorLevel().name()};
        Object[] content = {representation.personalData() ? cipher.get().encrypt(BODY, body) : body, representation.personalData()};
        return Stream.of(event, audience.columnValues(), content).flatMap(Arrays::stream).toArray();
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.OTHER);
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else {
            statement.setObject(index, value);
        }
    }
}
