package cn.rescueforce.teams.personaldata;

import cn.rescueforce.kit.audit.AuditEvent;
import cn.rescueforce.kit.audit.AuditEventPage;
import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Runs of {@code POST /api/v1/personal-data/re-encryption} in the change feed. A run has no object of its own: it
 * appears as its audit event does in {@code GET /api/v1/audit-events?entityType=PersonalData&entityId=…}, national
 * only (the run and its audit event have no province).
 */
@ApplicationScoped
public class PersonalDataChanges implements ChangeSource {

    @Override
    public String entityType() {
        return "PersonalData";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("personal-data.re-encrypted");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("personal-data", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        AuditEvent event = AuditEvent.<AuditEvent>find("entityType = ?1 and entityId = ?2", entityType(), id).firstResult();
        if (event == null) {
            return null;
        }
        ChangeSource.asStored(event);
        return Representation.of(new AuditEventPage.Item(event.id, event.at.atOffset(ZoneOffset.UTC), event.actorSub,
                event.actorLevel, event.actorRegion, event.actorOrg, event.entityType, event.entityId, event.action,
                Arrays.asList(event.changedFields), event.province), null, Audience.national());
    }
}
