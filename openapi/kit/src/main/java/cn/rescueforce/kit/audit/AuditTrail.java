package cn.rescueforce.kit.audit;

import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CurrentCaller;
import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Records every state change in the caller's transaction, and reads the trail within the reader's scope. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    CurrentCaller currentCaller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String entityType, UUID entityId, String action, String province, Collection<String> changedFields) {
        Caller caller = currentCaller.get();
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.at = Instant.now();
        event.actorSub = caller.sub();
        event.actorLevel = caller.level();
        event.actorRegion = caller.region();
        event.actorOrg = caller.org();
        event.entityType = entityType;
        event.entityId = entityId;
        event.action = action;
        event.changedFields = changedFields.stream().sorted().toArray(String[]::new);
        event.province = province;
        event.persist();
    }

    public record Filter(String entityType, UUID entityId, String actorSub, Instant from, Instant to) {
    }

    /** {@code GET /api/v1/audit-events} of every service: newest first, within the reader's scope. */
    public AuditEventPage list(Integer page, Integer size, String entityType, UUID entityId, String actorSub,
                               java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        PageRequest request = PageRequest.of(page, size, null, java.util.Map.of(),
                io.quarkus.panache.common.Sort.by("at", io.quarkus.panache.common.Sort.Direction.Descending));
        PanacheQuery<AuditEvent> found = find(new Filter(entityType, entityId, actorSub,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant()), request);
        return new AuditEventPage(found.list().stream().map(AuditEventPage.Item::of).toList(),
                request.page(), request.size(), found.count());
    }

    /** national reads everything, provincial its province; every other level may not read the trail. */
    public PanacheQuery<AuditEvent> find(Filter filter, PageRequest page) {
        Caller caller = currentCaller.get();
        if (!caller.isAnyOf(ManagementLevel.NATIONAL, ManagementLevel.PROVINCIAL)) {
            throw cn.rescueforce.kit.problem.ProblemException.forbidden("Only national and provincial levels read the audit trail");
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (caller.is(ManagementLevel.PROVINCIAL)) {
            where.add("province = :province");
            params.and("province", caller.region());
        }
        if (filter.entityType() != null) {
            where.add("entityType = :entityType");
            params.and("entityType", filter.entityType());
        }
        if (filter.entityId() != null) {
            where.add("entityId = :entityId");
            params.and("entityId", filter.entityId());
        }
        if (filter.actorSub() != null) {
            where.add("actorSub = :actorSub");
            params.and("actorSub", filter.actorSub());
        }
        if (filter.from() != null) {
            where.add("at >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("at < :to");
            params.and("to", filter.to());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return AuditEvent.<AuditEvent>find(query, page.sort(), params).page(page.panachePage());
    }
}
