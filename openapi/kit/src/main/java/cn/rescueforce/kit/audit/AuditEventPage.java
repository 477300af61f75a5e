package cn.rescueforce.kit.audit;

import cn.rescueforce.kit.security.ManagementLevel;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * A page of the audit trail as every service's contract publishes it ({@code AuditEventPage}: items, page,
 * size, total). The three services answer {@code GET /api/v1/audit-events} with this one shape.
 */
public record AuditEventPage(List<Item> items, int page, int size, long total) {

    public record Item(UUID id, OffsetDateTime at, String actorSub, ManagementLevel actorLevel, String actorRegion,
                       UUID actorOrg, String entityType, UUID entityId, String action, List<String> changedFields,
                       String province) {

        static Item of(AuditEvent event) {
            return new Item(event.id, event.at.atOffset(ZoneOffset.UTC), event.actorSub, event.actorLevel, event.actorRegion,
                    event.actorOrg, event.entityType, event.entityId, event.action, Arrays.asList(event.changedFields),
                    event.province);
        }
    }
}
