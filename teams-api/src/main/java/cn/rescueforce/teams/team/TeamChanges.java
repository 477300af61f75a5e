package cn.rescueforce.teams.team;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.TeamScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/** Teams in the change feed: as {@code GET /api/v1/teams/{teamId}} answers them, to whoever's scope covers the team. */
@ApplicationScoped
public class TeamChanges implements ChangeSource {

    @Inject
    TeamService service;

    @Override
    public String entityType() {
        return "Team";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("team.registered", "team.profile-updated", "team.readiness-changed", "team.designated",
                "team.placed-in-rectification", "team.exit-proposed", "team.exited", "team.assessment-result-applied", "team.headcount-changed");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("team", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        Team team = Team.findById(id);
        if (team == null) {
            return null;
        }
        ChangeSource.asStored(team);
        return Representation.of(TeamMapper.toApi(team, service.unitName(team)), team.version,
                Audience.team(team.province, TeamScope.isMining(team.category), team.supportingUnitId));
    }
}
