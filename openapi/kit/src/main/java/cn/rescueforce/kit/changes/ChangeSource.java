package cn.rescueforce.kit.changes;

import java.util.List;
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
