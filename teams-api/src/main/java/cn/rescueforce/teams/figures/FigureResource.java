package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.teams.api.FiguresApi;
import cn.rescueforce.teams.api.model.FigureGrouping;
import cn.rescueforce.teams.api.model.FigureSnapshotRequest;
import cn.rescueforce.teams.api.model.FigureTargetsInput;
import cn.rescueforce.teams.api.model.TeamCategory;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

@ApplicationScoped
@Authenticated
public class FigureResource implements FiguresApi {

    @Inject
    FigureService figures;

    @Inject
    FigureTargetService targets;

    @Inject
    FigureSnapshots snapshots;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response getFigures(String province, TeamCategory category, FigureGrouping groupBy, String ifNoneMatch) {
        FigureService.Answer answer = figures.report(province, category, groupBy);
        return ETags.read(ifNoneMatch, answer.etag(), answer::report);
    }

    @Override
    public Response getFigureTargets(String ifNoneMatch) {
        FigureTargetSet set = targets.get();
        return ETags.read(ifNoneMatch, set.version, () -> FigureMapper.toApi(set));
    }

    @Override
    public Response setFigureTargets(FigureTargetsInput input, String ifMatch, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            FigureTargetSet set = targets.set(input, ifMatch);
            return ETags.ok(FigureMapper.toApi(set), set.version);
        });
    }

    @Override
    public Response getFigureSeries(String from, String to, String province, String scopeKey) {
        return Response.ok(snapshots.series(from, to, province, scopeKey)).build();
    }

    @Override
    public Response takeFigureSnapshots(FigureSnapshotRequest request, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, request, () -> Response.ok(snapshots.take(request.getMonth())).build());
    }
}
