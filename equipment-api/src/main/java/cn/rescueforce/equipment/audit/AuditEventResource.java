package cn.rescueforce.equipment.audit;

import cn.rescueforce.kit.audit.AuditEvent;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.equipment.api.AuditEventsApi;
import cn.rescueforce.equipment.api.model.AuditEventPage;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class AuditEventResource implements AuditEventsApi {

    @Inject
    AuditTrail trail;

    @Override
    public Response listAuditEvents(Integer page, Integer size, String entityType, UUID entityId, String actorSub,
                                    OffsetDateTime from, OffsetDateTime to) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("at", Sort.Direction.Descending));
        PanacheQuery<AuditEvent> found = trail.find(new AuditTrail.Filter(entityType, entityId, actorSub,
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant()), request);
        return Response.ok(new AuditEventPage(found.list().stream().map(AuditEventResource::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    static cn.rescueforce.equipment.api.model.AuditEvent toApi(AuditEvent event) {
        return new cn.rescueforce.equipment.api.model.AuditEvent()
                .id(event.id)
                .at(event.at.atOffset(ZoneOffset.UTC))
                .actorSub(event.actorSub)
                .actorLevel(cn.rescueforce.equipment.api.model.AuditEvent.ActorLevelEnum.fromValue(event.actorLevel.name()))
                .actorRegion(event.actorRegion)
                .actorOrg(event.actorOrg)
                .entityType(event.entityType)
                .entityId(event.entityId)
                .action(event.action)
                .changedFields(Arrays.asList(event.changedFields))
                .province(event.province);
    }
}
