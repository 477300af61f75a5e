package cn.rescueforce.kit.audit;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.changes.ChangeRecorder;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CurrentCaller;
import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Records every state change in the caller's transaction, and reads the trail within the reader's scope. Every
 * change recorded here is also published in the change feed ({@link ChangeRecorder}), in the same transaction.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    CurrentCaller currentCaller;

    @Inject
    ChangeRecorder changes;

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
        changes.changed(entityType, entityId, action, caller.level(), event.at);
    }

    public record Filter(String entityType, UUID entityId, String actorSub, Instant from, Instant to) {
    }

    /** {@code GET /api/v1/audit-events} of every service: newest first, within the reader's scope. */
    public AuditEventPage list(Integer page, Integer size, String entityType, UUID entityId, String actorSub,
                               OffsetDateTime from, OffsetDateTime to) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("at", Sort.Direction.Descending));
        PanacheQuery<AuditEvent> found = find(new Filter(entityType, entityId, actorSub,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant()), request);
        return new AuditEventPage(found.list().stream().map(AuditEventPage.Item::of).toList(),
                request.page(), request.size(), found.count());
    }

    /** national reads everything, provincial its province; every other level may not read the trail. */
    public PanacheQuery<AuditEvent> find(Filter filter, PageRequest page) {
        Caller caller = currentCaller.get();
        if (!caller.isAnyOf(ManagementLevel.NATIONAL, ManagementLevel.PROVINCIAL)) {
            throw ProblemException.forbidden(Text.of("Only national and provincial levels read the audit trail"));
        }
        Where where = new Where();
        if (caller.is(ManagementLevel.PROVINCIAL)) {
            where.condition("province = :province", Map.of("province", caller.region()));
        }
        where.equal("entityType", filter.entityType())
                .equal("entityId", filter.entityId())
                .equal("actorSub", filter.actorSub())
                .atLeast("at", filter.from())
                .before("at", filter.to());
        return AuditEvent.<AuditEvent>find(where.query(), page.sort(), where.parameters()).page(page.panachePage());
    }
}
