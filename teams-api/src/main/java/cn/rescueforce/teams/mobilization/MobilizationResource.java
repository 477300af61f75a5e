package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.MobilizationsApi;
import cn.rescueforce.teams.api.model.MobilizationCancellation;
import cn.rescueforce.teams.api.model.MobilizationOrderInput;
import cn.rescueforce.teams.api.model.MobilizationOrderPage;
import cn.rescueforce.teams.api.model.MobilizationStatus;
import cn.rescueforce.teams.api.model.MobilizationStep;
import cn.rescueforce.teams.api.model.ResponseFigureGrouping;
import cn.rescueforce.teams.api.model.TeamCategory;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class MobilizationResource implements MobilizationsApi {

    @Inject
    MobilizationService service;

    @Inject
    ResponseFigureService figures;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response issueMobilizationOrder(MobilizationOrderInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            MobilizationOrder order = service.issue(input);
            return ETags.created(URI.create("/api/v1/mobilizations/" + order.id), toApi(order), order.version);
        });
    }

    @Override
    public Response getMobilizationOrder(UUID orderId, String ifNoneMatch) {
        MobilizationOrder order = service.get(orderId);
        return ETags.read(ifNoneMatch, order.version, () -> toApi(order));
    }

    @Override
    public Response listMobilizationOrders(Integer page, Integer size, String sort, UUID teamId, UUID incidentId,
                                           MobilizationStatus status, String province, OffsetDateTime issuedFrom,
                                           OffsetDateTime issuedTo) {
        PageRequest request = PageRequest.of(page, size, sort, MobilizationService.SORTABLE, MobilizationService.defaultSort());
        PanacheQuery<MobilizationOrder> found = service.list(new MobilizationService.Filter(teamId, status, province, issuedFrom,
                issuedTo, incidentId), request);
        List<MobilizationOrder> orders = found.list();
        Map<UUID, String> names = service.teamNames(orders);
        return Response.ok(new MobilizationOrderPage(orders.stream().map(o -> MobilizationMapper.toApi(o, names.get(o.teamId))).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response acknowledgeMobilizationOrder(UUID orderId, String idempotencyKey, MobilizationStep step) {
        return idempotency.execute(idempotencyKey, step, () -> respond(service.acknowledge(orderId, at(step))));
    }

    @Override
    public Response reportMobilizationDeparture(UUID orderId, String idempotencyKey, MobilizationStep step) {
        return idempotency.execute(idempotencyKey, step, () -> respond(service.depart(orderId, at(step))));
    }

    @Override
    public Response reportMobilizationArrival(UUID orderId, String idempotencyKey, MobilizationStep step) {
        return idempotency.execute(idempotencyKey, step, () -> respond(service.arrive(orderId, at(step))));
    }

    @Override
    public Response completeMobilizationOrder(UUID orderId, String idempotencyKey, MobilizationStep step) {
        return idempotency.execute(idempotencyKey, step, () -> respond(service.complete(orderId, at(step))));
    }

    @Override
    public Response cancelMobilizationOrder(UUID orderId, MobilizationCancellation cancellation, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, cancellation, () -> respond(service.cancel(orderId, cancellation.getReason())));
    }

    @Override
    public Response getResponseFigures(OffsetDateTime from, OffsetDateTime to, ResponseFigureGrouping groupBy, String province,
                                       TeamCategory category, UUID incidentId, Boolean excludeLateReported) {
        return Response.ok(figures.figures(from, to, groupBy, province, category, incidentId,
                Boolean.TRUE.equals(excludeLateReported))).build();
    }

    /** When the step happened as reported: {@code occurredAt}, or its former name {@code at}; not both. */
    private static MobilizationOrder.ReportedTime at(MobilizationStep step) {
        if (step == null) {
            return MobilizationOrder.ReportedTime.NOW;
        }
        if (step.getOccurredAt() != null && step.getAt() != null) {
            throw ProblemException.invalid("at", Text.of("is the former name of occurredAt: send one of them"));
        }
        return step.getAt() != null ? new MobilizationOrder.ReportedTime(step.getAt(), "at")
                : new MobilizationOrder.ReportedTime(step.getOccurredAt(), "occurredAt");
    }

    private Response respond(MobilizationOrder order) {
        return ETags.ok(toApi(order), order.version);
    }

    private cn.rescueforce.teams.api.model.MobilizationOrder toApi(MobilizationOrder order) {
        return MobilizationMapper.toApi(order, service.teamNames(List.of(order)).get(order.teamId));
    }
}
