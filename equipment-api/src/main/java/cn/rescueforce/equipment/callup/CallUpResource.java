package cn.rescueforce.equipment.callup;

import cn.rescueforce.equipment.api.CallUpsApi;
import cn.rescueforce.equipment.api.model.CallUpClosure;
import cn.rescueforce.equipment.api.model.CallUpDecision;
import cn.rescueforce.equipment.api.model.CallUpInput;
import cn.rescueforce.equipment.api.model.CallUpLine;
import cn.rescueforce.equipment.api.model.CallUpPage;
import cn.rescueforce.equipment.api.model.CallUpStatus;
import cn.rescueforce.equipment.depot.ReserveDepot;
import cn.rescueforce.equipment.depot.StockLine;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentCreation;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class CallUpResource implements CallUpsApi {

    @Inject
    CallUpService service;

    @Inject
    IdempotentCreation idempotency;

    @Override
    public Response requestCallUp(CallUpInput input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, input, () -> {
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
    public Response listCallUps(Integer page, Integer size, CallUpStatus status, UUID depotId, UUID teamId, UUID mobilizationOrderId) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("requestedAt"));
        PanacheQuery<CallUp> found = service.list(new CallUpService.Filter(status, depotId, teamId, mobilizationOrderId), request);
        List<CallUp> list = found.list();
        Map<UUID, StockLine> stock = service.stockOf(list);
        Map<UUID, ReserveDepot> depots = service.depotsOf(list);
        return Response.ok(new CallUpPage(list.stream().map(c -> toApi(c, stock, depots)).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response approveCallUp(UUID callUpId) {
        return respond(service.approve(callUpId));
    }

    @Override
    public Response dispatchCallUp(UUID callUpId) {
        return respond(service.dispatch(callUpId));
    }

    @Override
    public Response closeCallUp(UUID callUpId, CallUpClosure closure) {
        return respond(service.close(callUpId, closure));
    }

    @Override
    public Response rejectCallUp(UUID callUpId, CallUpDecision decision) {
        return respond(service.reject(callUpId, decision.getReason()));
    }

    @Override
    public Response cancelCallUp(UUID callUpId, CallUpDecision decision) {
        return respond(service.cancel(callUpId, decision.getReason()));
    }

    private Response respond(CallUp callUp) {
        return ETags.ok(toApi(callUp), callUp.version);
    }

    private cn.rescueforce.equipment.api.model.CallUp toApi(CallUp callUp) {
        return toApi(callUp, service.stockOf(callUp), service.depotsOf(List.of(callUp)));
    }

    static cn.rescueforce.equipment.api.model.CallUp toApi(CallUp callUp, Map<UUID, StockLine> stock, Map<UUID, ReserveDepot> depots) {
        return new cn.rescueforce.equipment.api.model.CallUp()
                .id(callUp.id)
                .depotId(callUp.depotId)
                .depotOwnerLevel(depots.get(callUp.depotId).ownerLevel)
                .teamId(callUp.teamId)
                .teamProvince(callUp.teamProvince)
                .mobilizationOrderId(callUp.mobilizationOrderId)
                .purpose(callUp.purpose)
                .status(callUp.status)
                .lines(callUp.lines.stream().map(line -> {
                    StockLine stockLine = stock.get(line.stockLineId);
                    return new CallUpLine()
                            .stockLineId(line.stockLineId)
                            .material(stockLine.material)
                            .batch(stockLine.batch)
                            .unit(stockLine.unit)
                            .quantity(line.quantity)
                            .returnedQuantity(line.returnedQuantity)
                            .consumedQuantity(line.returnedQuantity == null ? null : line.quantity - line.returnedQuantity);
                }).toList())
                .requestedBy(callUp.requestedBy)
                .requestedByLevel(cn.rescueforce.equipment.api.model.CallUp.RequestedByLevelEnum.fromValue(callUp.requestedByLevel.name()))
                .requestedAt(utc(callUp.requestedAt))
                .decidedBy(callUp.decidedBy)
                .approvedAt(utc(callUp.approvedAt))
                .dispatchedAt(utc(callUp.dispatchedAt))
                .closedAt(utc(callUp.closedAt))
                .rejectedAt(utc(callUp.rejectedAt))
                .cancelledAt(utc(callUp.cancelledAt))
                .reason(callUp.reason)
                .version(callUp.version);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
