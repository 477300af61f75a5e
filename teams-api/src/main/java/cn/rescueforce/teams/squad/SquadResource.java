package cn.rescueforce.teams.squad;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.SquadsApi;
import cn.rescueforce.teams.api.model.DutyPeriodInput;
import cn.rescueforce.teams.api.model.DutyPeriodPage;
import cn.rescueforce.teams.api.model.SquadInput;
import cn.rescueforce.teams.api.model.SquadPage;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** A team's squads and its duty roster (openapi/teams-api.yaml, tag Squads). */
@ApplicationScoped
@Authenticated
public class SquadResource implements SquadsApi {

    @Inject
    SquadService squads;

    @Inject
    DutyRosterService roster;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response formSquad(UUID teamId, SquadInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            SquadService.Composition formed = squads.form(teamId, SquadMapper.formation(input));
            return ETags.created(URI.create("/api/v1/teams/" + teamId + "/squads/" + formed.squad().id),
                    SquadMapper.toApi(formed), formed.squad().version);
        });
    }

    @Override
    public Response getSquad(UUID teamId, UUID squadId, String ifNoneMatch) {
        SquadService.Composition found = squads.get(teamId, squadId);
        return ETags.read(ifNoneMatch, found.squad().version, () -> SquadMapper.toApi(found));
    }

    @Override
    public Response listSquads(UUID teamId, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("name"));
        SquadService.Page found = squads.list(teamId, request);
        return Response.ok(new SquadPage(found.items().stream().map(SquadMapper::toApi).toList(),
                request.page(), request.size(), found.total())).build();
    }

    @Override
    public Response updateSquad(UUID teamId, UUID squadId, SquadInput input, String ifMatch) {
        SquadService.Composition changed = squads.update(teamId, squadId, ifMatch, SquadMapper.formation(input));
        return ETags.ok(SquadMapper.toApi(changed), changed.squad().version);
    }

    @Override
    public Response disbandSquad(UUID teamId, UUID squadId, String ifMatch) {
        squads.disband(teamId, squadId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    public Response scheduleDutyPeriod(UUID teamId, DutyPeriodInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            DutyRosterService.Entry entry = roster.schedule(teamId, input.getSquadId(), input.getStartsAt().toInstant(),
                    input.getEndsAt().toInstant());
            return ETags.created(URI.create("/api/v1/teams/" + teamId + "/duty-roster/" + entry.period().id),
                    SquadMapper.toApi(entry), entry.period().version);
        });
    }

    @Override
    public Response listDutyPeriods(UUID teamId, Integer page, Integer size, OffsetDateTime from, OffsetDateTime to) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("startsAt"));
        DutyRosterService.Page found = roster.list(teamId, from == null ? null : from.toInstant(),
                to == null ? null : to.toInstant(), request);
        return Response.ok(new DutyPeriodPage(found.items().stream().map(SquadMapper::toApi).toList(),
                request.page(), request.size(), found.total())).build();
    }

    @Override
    public Response getDutyPeriod(UUID teamId, UUID periodId, String ifNoneMatch) {
        DutyRosterService.Entry entry = roster.get(teamId, periodId);
        return ETags.read(ifNoneMatch, entry.period().version, () -> SquadMapper.toApi(entry));
    }

    @Override
    public Response cancelDutyPeriod(UUID teamId, UUID periodId, String ifMatch) {
        roster.cancel(teamId, periodId, ifMatch);
        return Response.noContent().build();
    }

    @Override
    public Response getDutySquad(UUID teamId, OffsetDateTime at) {
        return Response.ok(SquadMapper.toApi(roster.onDuty(teamId, at == null ? null : at.toInstant()))).build();
    }
}
