package cn.rescueforce.teams.squad;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Squads in the change feed, as {@code GET /api/v1/teams/{teamId}/squads/{squadId}} answers them, to whoever reads
 * the team (SquadService reads the team first: the team readers whose scope covers it).
 */
@ApplicationScoped
public class SquadChanges implements ChangeSource {

    @Inject
    SquadService service;

    @Override
    public String entityType() {
        return "Squad";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("squad.formed", "squad.updated", "squad.disbanded");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("squad", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        Squad squad = Squad.findById(id);
        if (squad == null) {
            return null;
        }
        ChangeSource.asStored(squad);
        Team team = Team.findById(squad.teamId);
        return Representation.of(SquadMapper.toApi(service.compose(squad, team)), squad.version,
                Audience.team(team.province, TeamScope.isMining(team.category), team.supportingUnitId));
    }
}
