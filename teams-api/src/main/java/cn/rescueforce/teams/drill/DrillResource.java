package cn.rescueforce.teams.drill;

import cn.rescueforce.kit.idempotency.IdempotentRequests;
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
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class DrillResource implements DrillsApi {

    @Inject
    DrillService service;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response recordDrill(UUID teamId, DrillInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            Drill drill = service.record(teamId, input);
            return Response.created(URI.create("/api/v1/teams/" + teamId + "/drills?year=" + drill.heldOn.getYear()))
                    .entity(DrillMapper.toApi(drill)).build();
        });
    }

    @Override
    public Response listDrills(UUID teamId, Integer page, Integer size, String sort, Integer year) {
        PageRequest request = PageRequest.of(page, size, sort, DrillService.SORTABLE, DrillService.defaultSort());
        PanacheQuery<Drill> found = service.list(teamId, year, request);
        return Response.ok(new DrillPage(found.list().stream().map(DrillMapper::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response recordTrainingHours(UUID teamId, TrainingRecordInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            DrillService.Training training = service.recordTraining(teamId, input);
            return Response.status(Response.Status.CREATED).entity(DrillMapper.toApi(training)).build();
        });
    }

    @Override
    public Response getDrillTotals(UUID teamId, Integer year) {
        return Response.ok(service.totals(teamId, year)).build();
    }
}
