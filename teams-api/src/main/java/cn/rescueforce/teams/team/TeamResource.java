package cn.rescueforce.teams.team;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.TeamsApi;
import cn.rescueforce.teams.api.model.AssessmentResult;
import cn.rescueforce.teams.api.model.LifecycleDecision;
import cn.rescueforce.teams.api.model.Readiness;
import cn.rescueforce.teams.api.model.ReadinessChange;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TeamPage;
import cn.rescueforce.teams.api.model.TeamProfile;
import cn.rescueforce.teams.api.model.TeamRegistration;
import cn.rescueforce.teams.api.model.TeamStatus;
import cn.rescueforce.teams.api.model.TeamStatusChangePage;
import cn.rescueforce.teams.reads.PageRepresentations;
import cn.rescueforce.teams.reads.TeamRepresentations;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class TeamResource implements TeamsApi {

    @Inject
    TeamService service;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    TeamRepresentations representations;

    @Inject
    PageRepresentations pages;

    @Override
    public Response registerTeam(TeamRegistration registration, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, registration, () -> {
            Team team = service.register(registration.getCode(), registration.getCategory(), registration.getProvince(),
                    registration.getSupportingUnitId(), TeamMapper.profile(registration));
            return ETags.created(URI.create("/api/v1/teams/" + team.id), TeamMapper.toApi(team, service.unitName(team)), team.version);
        });
    }

    /**
     * The team's state is probed by primary key (scope and 304 decided on it); its JSON is the one kept for that state
     * when there is one (TeamRepresentations, README "Performance"), else built from the entity.
     */
    @Override
    public Response getTeam(UUID teamId, String ifNoneMatch) {
        TeamRepresentations.Probe probe = service.probeVisible(teamId);
        if (ETags.stillCurrent(ifNoneMatch, probe.version())) {
            return Response.notModified(new EntityTag(String.valueOf(probe.version()))).build();
        }
        TeamRepresentations.Json json = representations.json(probe, () -> {
            TeamRepository.WithUnitName found = service.getWithUnitName(teamId);
            return new TeamRepresentations.Built(TeamMapper.toApi(found.team(), found.unitName()), found.team().version);
        });
        return Response.ok(json.bytes(), MediaType.APPLICATION_JSON_TYPE).tag(new EntityTag(String.valueOf(json.version()))).build();
    }

    /** Pages are kept per question and registry version (PageRepresentations): the caller's scope is in the question. */
    @Override
    public Response listTeams(Integer page, Integer size, String sort, TeamCategory category, String province,
                              TeamStatus status, Readiness readiness, UUID supportingUnitId, String q) {
        PageRequest request = PageRequest.of(page, size, sort, TeamService.SORTABLE, TeamService.defaultSort());
        TeamService.Filter filter = new TeamService.Filter(category, province, status, readiness, supportingUnitId, q);
        List<Object> question = Arrays.asList("teams", service.listingScope(), filter, request.page(), request.size(), sort);
        return Response.ok(pages.json(question, () -> {
            PanacheQuery<Team> found = service.list(filter, request);
            List<Team> teams = found.list();
            Map<UUID, String> unitNames = service.unitNames(teams);
            return new TeamPage(teams.stream().map(t -> TeamMapper.toApi(t, unitNames.get(t.supportingUnitId))).toList(),
                    request.page(), request.size(), found.count());
        }), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    public Response updateTeamProfile(UUID teamId, TeamProfile profile, String ifMatch) {
        return respond(service.updateProfile(teamId, ifMatch, TeamMapper.profile(profile)));
    }

    @Override
    public Response changeTeamReadiness(UUID teamId, ReadinessChange change, String ifMatch, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, change,
                () -> respond(service.changeReadiness(teamId, ifMatch, change.getReadiness())));
    }

    @Override
    public Response designateTeam(UUID teamId, LifecycleDecision decision, String ifMatch, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, decision, () -> respond(service.designate(teamId, ifMatch, decision.getReason())));
    }

    @Override
    public Response placeTeamInRectification(UUID teamId, LifecycleDecision decision, String ifMatch, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, decision,
                () -> respond(service.placeInRectification(teamId, ifMatch, decision.getReason())));
    }

    @Override
    public Response exitTeam(UUID teamId, LifecycleDecision decision, String ifMatch, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, decision, () -> respond(service.exit(teamId, ifMatch, decision.getReason())));
    }

    @Override
    public Response proposeTeamExit(UUID teamId, LifecycleDecision decision, String ifMatch, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, decision, () -> respond(service.proposeExit(teamId, ifMatch, decision.getReason())));
    }

    /**
     * assessment-api's outbox delivers without a key (the result is applied once per assessment anyway,
     * TeamService.applyAssessmentResult); a caller that sends one gets the first answer back on a retry.
     */
    @Override
    public Response applyAssessmentResult(UUID teamId, AssessmentResult result, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, result, () -> respond(service.applyAssessmentResult(teamId, result)));
    }

    @Override
    public Response listTeamStatusHistory(UUID teamId, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("at", Sort.Direction.Descending));
        PanacheQuery<TeamStatusChange> found = service.history(teamId, request);
        return Response.ok(new TeamStatusChangePage(found.list().stream().map(TeamMapper::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    private Response respond(Team team) {
        return ETags.ok(TeamMapper.toApi(team, service.unitName(team)), team.version);
    }
}
