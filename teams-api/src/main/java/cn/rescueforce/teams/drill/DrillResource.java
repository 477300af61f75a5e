package cn.rescueforce.teams.drill;

import cn.rescueforce.kit.idempotency.IdempotentCreation;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.DrillsApi;
import cn.rescueforce.teams.api.model.DrillInput;
import cn.rescueforce.teams.api.model.DrillPage;
import cn.rescueforce.teams.api.model.TrainingRecordInput;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class DrillResource implements DrillsApi {

    @Inject
    DrillService service;

    @Inject
    IdempotentCreation idempotency;

    @Override
    public Response recordDrill(UUID teamId, DrillInput input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, input, () -> {
            Drill drill = service.record(teamId, input);
            return Response.created(URI.create("/api/v1/teams/" + teamId + "/drills?year=" + drill.heldOn.getYear()))
                    .entity(toApi(drill)).build();
        });
    }

    @Override
    public Response listDrills(UUID teamId, Integer page, Integer size, String sort, Integer year) {
        PageRequest request = PageRequest.of(page, size, sort, DrillService.SORTABLE, DrillService.defaultSort());
        PanacheQuery<Drill> found = service.list(teamId, year, request);
        return Response.ok(new DrillPage(found.list().stream().map(DrillResource::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response recordTrainingHours(UUID teamId, TrainingRecordInput input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, input, () -> {
            DrillService.Training training = service.recordTraining(teamId, input);
            TrainingRecord record = training.record();
            return Response.status(Response.Status.CREATED).entity(new cn.rescueforce.teams.api.model.TrainingRecord()
                    .id(record.id)
                    .teamId(record.teamId)
                    .memberId(record.memberId)
                    .memberName(training.member().name)
                    .trainedOn(record.trainedOn)
                    .hours(record.hours)
                    .subject(record.subject)
                    .memberTrainingHours(training.member().trainingHours)
                    .createdAt(record.createdAt.atOffset(ZoneOffset.UTC))).build();
        });
    }

    @Override
    public Response getDrillTotals(UUID teamId, Integer year) {
        return Response.ok(service.totals(teamId, year)).build();
    }

    static cn.rescueforce.teams.api.model.Drill toApi(Drill drill) {
        return new cn.rescueforce.teams.api.model.Drill()
                .id(drill.id)
                .teamId(drill.teamId)
                .heldOn(drill.heldOn)
                .type(drill.type)
                .scenario(drill.scenario)
                .participants(drill.participants)
                .durationMinutes(drill.durationMinutes)
                .findings(drill.findings)
                .createdAt(drill.createdAt.atOffset(ZoneOffset.UTC));
    }
}
