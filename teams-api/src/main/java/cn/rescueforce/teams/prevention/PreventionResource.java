package cn.rescueforce.teams.prevention;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.PreventionApi;
import cn.rescueforce.teams.api.model.HazardKind;
import cn.rescueforce.teams.api.model.OutreachActivityInput;
import cn.rescueforce.teams.api.model.OutreachActivityPage;
import cn.rescueforce.teams.api.model.OutreachAudience;
import cn.rescueforce.teams.api.model.PreventionGrouping;
import cn.rescueforce.teams.api.model.PreventiveInspectionInput;
import cn.rescueforce.teams.api.model.PreventiveInspectionPage;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TechnicalServiceInput;
import cn.rescueforce.teams.api.model.TechnicalServicePage;
import cn.rescueforce.teams.api.model.TechnicalServiceKind;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@Authenticated
public class PreventionResource implements PreventionApi {

    @Inject
    PreventionService service;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response recordPreventiveInspection(UUID teamId, PreventiveInspectionInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            PreventionService.Recorded<PreventiveInspection> recorded = service.recordInspection(teamId, input);
            PreventiveInspection inspection = recorded.record();
            return ETags.created(URI.create("/api/v1/preventive-inspections?teamId=" + teamId),
                    PreventionMapper.toApi(inspection, recorded.teamName(), recorded.findings()), inspection.version);
        });
    }

    @Override
    public Response listPreventiveInspections(Integer page, Integer size, String sort, UUID teamId, String province,
                                              TeamCategory category, HazardKind hazardKind, LocalDate from, LocalDate to) {
        PageRequest request = PageRequest.of(page, size, sort, PreventionService.INSPECTION_SORTABLE, PreventionService.inspectionSort());
        PanacheQuery<PreventiveInspection> found = service.inspections(new PreventionService.Filter(teamId, province, category, from, to),
                hazardKind, request);
        List<PreventiveInspection> inspections = found.list();
        Map<UUID, String> names = service.teamNames(inspections.stream().map(i -> i.teamId).toList());
        Map<UUID, List<HazardFinding>> findings = service.findings(inspections);
        return Response.ok(new PreventiveInspectionPage(inspections.stream()
                .map(i -> PreventionMapper.toApi(i, names.get(i.teamId), findings.getOrDefault(i.id, List.of()))).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response recordTechnicalService(UUID teamId, TechnicalServiceInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            PreventionService.Recorded<TechnicalService> recorded = service.recordService(teamId, input);
            return ETags.created(URI.create("/api/v1/technical-services?teamId=" + teamId),
                    PreventionMapper.toApi(recorded.record(), recorded.teamName()), recorded.record().version);
        });
    }

    @Override
    public Response listTechnicalServices(Integer page, Integer size, String sort, UUID teamId, String province,
                                          TeamCategory category, TechnicalServiceKind kind, LocalDate from, LocalDate to) {
        PageRequest request = PageRequest.of(page, size, sort, PreventionService.SERVICE_SORTABLE, PreventionService.serviceSort());
        PanacheQuery<TechnicalService> found = service.services(new PreventionService.Filter(teamId, province, category, from, to),
                kind, request);
        List<TechnicalService> services = found.list();
        Map<UUID, String> names = service.teamNames(services.stream().map(s -> s.teamId).toList());
        return Response.ok(new TechnicalServicePage(services.stream().map(s -> PreventionMapper.toApi(s, names.get(s.teamId))).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response recordOutreachActivity(UUID teamId, OutreachActivityInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            PreventionService.Recorded<OutreachActivity> recorded = service.recordOutreach(teamId, input);
            return ETags.created(URI.create("/api/v1/outreach-activities?teamId=" + teamId),
                    PreventionMapper.toApi(recorded.record(), recorded.teamName()), recorded.record().version);
        });
    }

    @Override
    public Response listOutreachActivities(Integer page, Integer size, String sort, UUID teamId, String province,
                                           TeamCategory category, OutreachAudience audience, LocalDate from, LocalDate to) {
        PageRequest request = PageRequest.of(page, size, sort, PreventionService.OUTREACH_SORTABLE, PreventionService.outreachSort());
        PanacheQuery<OutreachActivity> found = service.outreach(new PreventionService.Filter(teamId, province, category, from, to),
                audience, request);
        List<OutreachActivity> activities = found.list();
        Map<UUID, String> names = service.teamNames(activities.stream().map(a -> a.teamId).toList());
        return Response.ok(new OutreachActivityPage(activities.stream().map(a -> PreventionMapper.toApi(a, names.get(a.teamId))).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response getPreventionTotals(Integer year, PreventionGrouping groupBy) {
        PreventionService.Totals totals = service.totals(year, groupBy);
        Map<UUID, String> names = totals.groupBy() == PreventionGrouping.TEAM
                ? service.teamNames(totals.groups().stream().map(g -> UUID.fromString(g.key())).collect(Collectors.toSet()))
                : Map.of();
        return Response.ok(PreventionMapper.toApi(totals, names)).build();
    }
}
