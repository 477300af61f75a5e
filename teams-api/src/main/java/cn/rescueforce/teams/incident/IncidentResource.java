package cn.rescueforce.teams.incident;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.IncidentsApi;
import cn.rescueforce.teams.api.model.CommandCenter;
import cn.rescueforce.teams.api.model.IncidentCategory;
import cn.rescueforce.teams.api.model.IncidentClosure;
import cn.rescueforce.teams.api.model.IncidentContainment;
import cn.rescueforce.teams.api.model.IncidentInput;
import cn.rescueforce.teams.api.model.IncidentPage;
import cn.rescueforce.teams.api.model.IncidentStatus;
import cn.rescueforce.teams.api.model.IncidentType;
import cn.rescueforce.teams.api.model.SituationReportInput;
import cn.rescueforce.teams.api.model.SituationReportPage;
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
public class IncidentResource implements IncidentsApi {

    @Inject
    IncidentService service;

    @Inject
    SituationReportService reports;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response openIncident(IncidentInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            Incident incident = service.open(input);
            return ETags.created(URI.create("/api/v1/incidents/" + incident.id), IncidentMapper.toApi(incident), incident.version);
        });
    }

    @Override
    public Response getIncident(UUID incidentId, String ifNoneMatch) {
        Incident incident = service.get(incidentId);
        return ETags.read(ifNoneMatch, incident.version, () -> IncidentMapper.toApi(incident));
    }

    @Override
    public Response listIncidents(Integer page, Integer size, String sort, IncidentStatus status, IncidentType type,
                                  IncidentCategory category, String province, OffsetDateTime occurredFrom, OffsetDateTime occurredTo) {
        PageRequest request = PageRequest.of(page, size, sort, IncidentService.SORTABLE, IncidentService.defaultSort());
        PanacheQuery<Incident> found = service.list(new IncidentService.Filter(status, type, category, province, occurredFrom, occurredTo), request);
        return Response.ok(new IncidentPage(found.list().stream().map(IncidentMapper::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response searchIncidentCases(Integer page, Integer size, IncidentType type, IncidentCategory category, String province,
                                        Integer year, String q) {
        PageRequest request = PageRequest.of(page, size, null, IncidentService.SORTABLE, IncidentService.caseSort());
        PanacheQuery<Incident> found = service.cases(new IncidentService.CaseFilter(type, category, province, year, q), request);
        return Response.ok(new IncidentPage(found.list().stream().map(IncidentMapper::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response updateCommandCenter(UUID incidentId, CommandCenter commandCenter, String ifMatch) {
        Incident incident = service.updateCommandCenter(incidentId, commandCenter, ifMatch);
        return ETags.ok(IncidentMapper.toApi(incident), incident.version);
    }

    @Override
    public Response containIncident(UUID incidentId, String ifMatch, String idempotencyKey, IncidentContainment containment) {
        return idempotency.execute(idempotencyKey, containment, () -> {
            Incident incident = service.contain(incidentId, ifMatch);
            return ETags.ok(IncidentMapper.toApi(incident), incident.version);
        });
    }

    @Override
    public Response closeIncident(UUID incidentId, IncidentClosure closure, String ifMatch, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, closure, () -> {
            Incident incident = service.close(incidentId, closure.getSummary(), closure.getLessonsLearned(), ifMatch);
            return ETags.ok(IncidentMapper.toApi(incident), incident.version);
        });
    }

    @Override
    public Response reportSituation(UUID incidentId, SituationReportInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            SituationReport report = reports.report(incidentId, input);
            String teamName = report.teamId == null ? null : reports.teamNames(List.of(report)).get(report.teamId);
            return ETags.created(URI.create("/api/v1/incidents/" + incidentId + "/situation-reports/" + report.id),
                    IncidentMapper.toApi(report, teamName), SituationReportService.version(report, teamName));
        });
    }

    @Override
    public Response getSituationReport(UUID incidentId, UUID reportId, String ifNoneMatch) {
        SituationReport report = reports.get(incidentId, reportId);
        String teamName = report.teamId == null ? null : reports.teamNames(List.of(report)).get(report.teamId);
        return ETags.read(ifNoneMatch, SituationReportService.version(report, teamName), () -> IncidentMapper.toApi(report, teamName));
    }

    @Override
    public Response listSituationReports(UUID incidentId, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), SituationReportService.defaultSort());
        PanacheQuery<SituationReport> found = reports.list(incidentId, request);
        List<SituationReport> items = found.list();
        Map<UUID, String> names = reports.teamNames(items);
        return Response.ok(new SituationReportPage(items.stream().map(r -> IncidentMapper.toApi(r, r.teamId == null ? null : names.get(r.teamId))).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response getIncidentOverview(UUID incidentId) {
        return Response.ok(reports.overview(incidentId)).build();
    }
}
