package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentCreation;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.MobilizationsApi;
import cn.rescueforce.teams.api.model.GeoPoint;
import cn.rescueforce.teams.api.model.Incident;
import cn.rescueforce.teams.api.model.IssuingAuthority;
import cn.rescueforce.teams.api.model.MobilizationCancellation;
import cn.rescueforce.teams.api.model.MobilizationOrderInput;
import cn.rescueforce.teams.api.model.MobilizationOrderPage;
import cn.rescueforce.teams.api.model.MobilizationStatus;
import cn.rescueforce.teams.api.model.MobilizationStep;
import cn.rescueforce.teams.api.model.ResponseFigureGrouping;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
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
import java.util.stream.Collectors;

@ApplicationScoped
@Authenticated
public class MobilizationResource implements MobilizationsApi {

    @Inject
    MobilizationService service;

    @Inject
    ResponseFigureService figures;

    @Inject
    TeamRepository teams;

    @Inject
    IdempotentCreation idempotency;

    @Override
    public Response issueMobilizationOrder(MobilizationOrderInput input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, input, () -> {
            MobilizationOrder order = service.issue(input);
            return ETags.created(URI.create("/api/v1/mobilizations/" + order.id), toApi(order, teamName(order)), order.version);
        });
    }

    @Override
    public Response getMobilizationOrder(UUID orderId, String ifNoneMatch) {
        MobilizationOrder order = service.get(orderId);
        return ETags.read(ifNoneMatch, order.version, () -> toApi(order, teamName(order)));
    }

    @Override
    public Response listMobilizationOrders(Integer page, Integer size, String sort, UUID teamId, MobilizationStatus status,
                                           String province, OffsetDateTime issuedFrom, OffsetDateTime issuedTo) {
        PageRequest request = PageRequest.of(page, size, sort, MobilizationService.SORTABLE, MobilizationService.defaultSort());
        PanacheQuery<MobilizationOrder> found = service.list(new MobilizationService.Filter(teamId, status, province, issuedFrom, issuedTo), request);
        List<MobilizationOrder> orders = found.list();
        Map<UUID, String> names = orders.isEmpty() ? Map.of()
                : teams.<Team>list("id in ?1", orders.stream().map(o -> o.teamId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t.name));
        return Response.ok(new MobilizationOrderPage(orders.stream().map(o -> toApi(o, names.get(o.teamId))).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response acknowledgeMobilizationOrder(UUID orderId, MobilizationStep step) {
        return step(orderId, MobilizationStatus.ISSUED, MobilizationStatus.ACKNOWLEDGED, step);
    }

    @Override
    public Response reportMobilizationDeparture(UUID orderId, MobilizationStep step) {
        return step(orderId, MobilizationStatus.ACKNOWLEDGED, MobilizationStatus.EN_ROUTE, step);
    }

    @Override
    public Response reportMobilizationArrival(UUID orderId, MobilizationStep step) {
        return step(orderId, MobilizationStatus.EN_ROUTE, MobilizationStatus.ON_SITE, step);
    }

    @Override
    public Response completeMobilizationOrder(UUID orderId, MobilizationStep step) {
        return step(orderId, MobilizationStatus.ON_SITE, MobilizationStatus.COMPLETED, step);
    }

    @Override
    public Response cancelMobilizationOrder(UUID orderId, MobilizationCancellation cancellation) {
        return respond(service.cancel(orderId, cancellation.getReason()));
    }

    @Override
    public Response getResponseFigures(OffsetDateTime from, OffsetDateTime to, ResponseFigureGrouping groupBy, String province,
                                       TeamCategory category) {
        return Response.ok(figures.figures(from, to, groupBy, province, category)).build();
    }

    private Response step(UUID orderId, MobilizationStatus from, MobilizationStatus to, MobilizationStep step) {
        return respond(service.advance(orderId, from, to, step == null ? null : step.getAt()));
    }

    private Response respond(MobilizationOrder order) {
        return ETags.ok(toApi(order, teamName(order)), order.version);
    }

    private String teamName(MobilizationOrder order) {
        Team team = teams.findById(order.teamId);
        return team == null ? null : team.name;
    }

    static cn.rescueforce.teams.api.model.MobilizationOrder toApi(MobilizationOrder order, String teamName) {
        return new cn.rescueforce.teams.api.model.MobilizationOrder()
                .id(order.id)
                .teamId(order.teamId)
                .teamName(teamName)
                .teamProvince(order.province)
                .teamCategory(order.category)
                .incident(new Incident()
                        .type(order.incidentType)
                        .severity(order.severity)
                        .province(order.incidentProvince)
                        .location(new GeoPoint(order.incidentLat, order.incidentLon))
                        .address(order.incidentAddress)
                        .description(order.incidentDescription)
                        .alarmAt(utc(order.alarmAt)))
                .status(order.status)
                .issuedBy(new IssuingAuthority()
                        .level(IssuingAuthority.LevelEnum.fromValue(order.issuerLevel.name()))
                        .region(order.issuerRegion)
                        .org(order.issuerOrg)
                        .sub(order.issuerSub))
                .alarmAt(utc(order.alarmAt))
                .issuedAt(utc(order.issuedAt))
                .acknowledgedAt(utc(order.acknowledgedAt))
                .departedAt(utc(order.departedAt))
                .arrivedAt(utc(order.arrivedAt))
                .completedAt(utc(order.completedAt))
                .cancelledAt(utc(order.cancelledAt))
                .cancellationReason(order.cancellationReason)
                .version(order.version);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
