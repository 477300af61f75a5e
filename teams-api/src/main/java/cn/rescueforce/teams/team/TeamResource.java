package cn.rescueforce.teams.team;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentCreation;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.TeamsApi;
import cn.rescueforce.teams.api.model.AssessmentResult;
import cn.rescueforce.teams.api.model.GeoPoint;
import cn.rescueforce.teams.api.model.LifecycleDecision;
import cn.rescueforce.teams.api.model.Readiness;
import cn.rescueforce.teams.api.model.ReadinessChange;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TeamPage;
import cn.rescueforce.teams.api.model.TeamProfile;
import cn.rescueforce.teams.api.model.TeamRegistration;
import cn.rescueforce.teams.api.model.TeamStatus;
import cn.rescueforce.teams.api.model.TeamStatusChangePage;
import cn.rescueforce.teams.unit.SupportingUnit;
import cn.rescueforce.teams.unit.SupportingUnitRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@Authenticated
public class TeamResource implements TeamsApi {

    @Inject
    TeamService service;

    @Inject
    SupportingUnitRepository units;

    @Inject
    IdempotentCreation idempotency;

    @Override
    public Response registerTeam(TeamRegistration registration, String idempotencyKey) {
        return idempotency.create(idempotencyKey, registration, () -> {
            Team team = service.register(registration);
            return ETags.created(URI.create("/api/v1/teams/" + team.id), toApi(team, unitName(team)), team.version);
        });
    }

    @Override
    public Response getTeam(UUID teamId, String ifNoneMatch) {
        TeamRepository.WithUnitName found = service.getWithUnitName(teamId);
        return ETags.read(ifNoneMatch, found.team().version, () -> toApi(found.team(), found.unitName()));
    }

    @Override
    public Response listTeams(Integer page, Integer size, String sort, TeamCategory category, String province,
                              TeamStatus status, Readiness readiness, UUID supportingUnitId, String q) {
        PageRequest request = PageRequest.of(page, size, sort, TeamService.SORTABLE, TeamService.defaultSort());
        PanacheQuery<Team> found = service.list(new TeamService.Filter(category, province, status, readiness, supportingUnitId, q), request);
        List<Team> teams = found.list();
        Map<UUID, String> unitNames = unitNames(teams.stream().map(t -> t.supportingUnitId).collect(Collectors.toSet()));
        return Response.ok(new TeamPage(teams.stream().map(t -> toApi(t, unitNames.get(t.supportingUnitId))).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response updateTeamProfile(UUID teamId, TeamProfile profile, String ifMatch) {
        return respond(service.updateProfile(teamId, ifMatch, profile));
    }

    @Override
    public Response changeTeamReadiness(UUID teamId, ReadinessChange change) {
        return respond(service.changeReadiness(teamId, change.getReadiness()));
    }

    @Override
    public Response designateTeam(UUID teamId, LifecycleDecision decision) {
        return respond(service.designate(teamId, decision.getReason()));
    }

    @Override
    public Response placeTeamInRectification(UUID teamId, LifecycleDecision decision) {
        return respond(service.placeInRectification(teamId, decision.getReason()));
    }

    @Override
    public Response exitTeam(UUID teamId, LifecycleDecision decision) {
        return respond(service.exit(teamId, decision.getReason()));
    }

    @Override
    public Response proposeTeamExit(UUID teamId, LifecycleDecision decision) {
        return respond(service.proposeExit(teamId, decision.getReason()));
    }

    @Override
    public Response applyAssessmentResult(UUID teamId, AssessmentResult result) {
        return respond(service.applyAssessmentResult(teamId, result));
    }

    @Override
    public Response listTeamStatusHistory(UUID teamId, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("at", Sort.Direction.Descending));
        PanacheQuery<TeamStatusChange> found = service.history(teamId, request);
        return Response.ok(new TeamStatusChangePage(found.list().stream().map(TeamResource::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    private Response respond(Team team) {
        return ETags.ok(toApi(team, unitName(team)), team.version);
    }

    private String unitName(Team team) {
        SupportingUnit unit = units.findById(team.supportingUnitId);
        return unit == null ? null : unit.name;
    }

    private Map<UUID, String> unitNames(Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return units.list("id in ?1", ids).stream().collect(Collectors.toMap(u -> u.id, u -> u.name, (a, b) -> a));
    }

    static cn.rescueforce.teams.api.model.Team toApi(Team team, String unitName) {
        return new cn.rescueforce.teams.api.model.Team()
                .id(team.id)
                .code(team.code)
                .name(team.name)
                .category(team.category)
                .specialties(Arrays.asList(team.specialties))
                .province(team.province)
                .supportingUnitId(team.supportingUnitId)
                .supportingUnitName(unitName)
                .baseLocation(new GeoPoint(team.baseLat, team.baseLon))
                .baseAddress(team.baseAddress)
                .baseCity(team.baseCity)
                .headcount(team.headcount)
                .dutyPhone(team.dutyPhone)
                .status(team.status)
                .readiness(team.readiness)
                .grade(team.grade)
                .gradeValidUntil(team.gradeValidUntil)
                .exitProposed(team.exitProposed)
                .createdAt(team.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(team.updatedAt.atOffset(ZoneOffset.UTC))
                .version(team.version);
    }

    static cn.rescueforce.teams.api.model.TeamStatusChange toApi(TeamStatusChange step) {
        return new cn.rescueforce.teams.api.model.TeamStatusChange()
                .id(step.id)
                .action(step.action)
                .fromStatus(step.fromStatus)
                .toStatus(step.toStatus)
                .reason(step.reason)
                .actorSub(step.actorSub)
                .actorLevel(cn.rescueforce.teams.api.model.TeamStatusChange.ActorLevelEnum.fromValue(step.actorLevel.name()))
                .actorRegion(step.actorRegion)
                .at(step.at.atOffset(ZoneOffset.UTC));
    }
}
