package cn.rescueforce.teams.audit;

import cn.rescueforce.teams.api.AuditEventsApi;
import cn.rescueforce.kit.audit.AuditTrail;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The audit trail of this service's changes; the rules and the shape are the kit's, shared by every service. */
@ApplicationScoped
@Authenticated
public class AuditEventResource implements AuditEventsApi {

    @Inject
    AuditTrail trail;

    @Override
    public Response listAuditEvents(Integer page, Integer size, String entityType, UUID entityId, String actorSub,
                                    OffsetDateTime from, OffsetDateTime to) {
        return Response.ok(trail.list(page, size, entityType, entityId, actorSub, from, to)).build();
    }
}
