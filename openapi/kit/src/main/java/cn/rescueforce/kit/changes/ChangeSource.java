package cn.rescueforce.kit.changes;

import cn.rescueforce.kit.security.Caller;
import io.quarkus.hibernate.orm.panache.Panache;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How one entity type of a service appears in the change feed and in webhooks: its event types, its
 * representation after a change (the one the service's own read answers), and who may see it. One
 * {@code @ApplicationScoped} bean per entity type that {@code AuditTrail.record} is called with; a change of an
 * entity type without one fails its transaction (every state change is published: README "Change feed and
 * webhooks").
 */
public interface ChangeSource {

    /** The entity type as the audit trail names it ({@code "Team"}, {@code "MobilizationOrder"}). */
    String entityType();

    /**
     * Every event type this entity's changes are published as ({@code team.registered}, …), as the contract's
     * {@code ChangeEventType} lists them: subscriptions name them, and a test compares the two lists.
     */
    List<String> eventTypes();

    /** The event type of an audited action ({@code REGISTERED} of a Team is {@code team.registered}). */
    String eventType(String action);

    /**
     * The representation (as stored, JSON) as {@code reader} reads it, for an entity whose read answers some levels a
     * masked view (the feed keeps the view of the levels that read it in full). By default as stored.
     */
    default String asSeenBy(Caller reader, String data) {
        return data;
    }

    /**
     * {@code <entity>.<action in lowercase kebab-case>} ({@code "team", "PROFILE_UPDATED"} is
     * {@code team.profile-updated}), which must be one of {@code listed} (the source's {@link #eventTypes()}): an
     * action that would publish a type the contract does not list fails its transaction instead.
     */
    static String eventType(String entity, String action, List<String> listed) {
        String type = entity + "." + action.toLowerCase(Locale.ROOT).replace('_', '-');
        if (!listed.contains(type)) {
            throw new IllegalStateException("event type " + type + " is not among " + listed);
        }
        return type;
    }

    /**
     * {@code entity} (managed) read again from the database, as every later read sees it: a time taken with
     * {@code Instant.now()} has nanoseconds in memory and microseconds in PostgreSQL, and the feed publishes what a
     * GET answers. Null stays null.
     */
    static <T> T asStored(T entity) {
        if (entity != null) {
            Panache.getEntityManager().refresh(entity);
        }
        return entity;
    }

    /**
     * The entity after the changes of the current transaction, read as the service reads it (flushed: its
     * version is the one it commits with). Null when the entity no longer exists.
     */
    Representation represent(UUID id);

    /**
     * The entity's representation: {@code body} is what a read of it answers (the service's API model, which
     * the feed writes as JSON), {@code version} its version (null for an entity without one), {@code audience}
     * who may see it; {@code personalData}: the body holds personal data, so it is stored encrypted
     * ({@code PersonalDataCipher}) and deleted with the feed's retention.
     */
    record Representation(Object body, Long version, Audience audience, boolean personalData) {

        public static Representation of(Object body, Long version, Audience audience) {
            return new Representation(body, version, audience, false);
        }

        public static Representation withPersonalData(Object body, Long version, Audience audience) {
            return new Representation(body, version, audience, true);
        }
    }
}
