package cn.rescueforce.equipment.callup;

import cn.rescueforce.equipment.api.CallUpsApi;
import cn.rescueforce.equipment.api.model.CallUpClosure;
import cn.rescueforce.equipment.api.model.CallUpDecision;
import cn.rescueforce.equipment.api.model.CallUpInput;
import cn.rescueforce.equipment.api.model.CallUpStatus;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class CallUpResource implements CallUpsApi {

    @Inject
    CallUpService service;

    @Inject
    CallUpMapper mapper;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response requestCallUp(CallUpInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            CallUp callUp = service.request(input);
            return ETags.created(URI.create("/api/v1/call-ups/" + callUp.id), toApi(callUp), callUp.version);
        });
    }

    @Override
    public Response getCallUp(UUID callUpId, String ifNoneMatch) {
        CallUp callUp = service.get(callUpId);
        return ETags.read(ifNoneMatch, callUp.version, () -> toApi(callUp));
    }

    @Override
    public Response listCallUps(Integer page, Integer size, CallUpStatus status, UUID depotId, UUID teamId, UUID mobilizationOrderId,
                                UUID incidentId) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("requestedAt"));
        PanacheQuery<CallUp> found = service.list(new CallUpService.Filter(status, depotId, teamId, mobilizationOrderId, incidentId), request);
        List<CallUp> list = found.list();
        return Response.ok(mapper.page(list, service.stockOf(list), service.depotsOf(list), request, found.count())).build();
    }

    @Override
    public Response approveCallUp(UUID callUpId, String ifMatch, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, ifMatch, () -> respond(service.approve(callUpId, ifMatch)));
    }

    @Override
    public Response dispatchCallUp(UUID callUpId, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, null, () -> respond(service.dispatch(callUpId)));
    }

    /** Returns stock to hand: required to be idempotent (openapi/equipment-api.yaml, closeCallUp). */
    @Override
    public Response closeCallUp(UUID callUpId, CallUpClosure closure, String idempotencyKey) {
        return idempotency.executeRequired(idempotencyKey, closure, () -> respond(service.close(callUpId, closure)));
    }

    @Override
    public Response rejectCallUp(UUID callUpId, CallUpDecision decision, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, decision, () -> respond(service.reject(callUpId, decision.getReason())));
    }

    @Override
    public Response cancelCallUp(UUID callUpId, CallUpDecision decision, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, decision, () -> respond(service.cancel(callUpId, decision.getReason())));
    }

    private Response respond(CallUp callUp) {
        return ETags.ok(toApi(callUp), callUp.version);
    }

    private cn.rescueforce.equipment.api.model.CallUp toApi(CallUp callUp) {
        return mapper.toApi(callUp, service.stockOf(callUp), service.depotsOf(List.of(callUp)));
    }
}
