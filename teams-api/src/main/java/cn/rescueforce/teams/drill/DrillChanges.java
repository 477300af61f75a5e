package cn.rescueforce.teams.drill;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.team.Team;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Drills in the change feed, as {@code GET /api/v1/teams/{teamId}/drills} lists them, to whoever reads the team
 * ({@code DrillService.list} reads the team first: the team readers whose scope covers it).
 */
@ApplicationScoped
public class DrillChanges implements ChangeSource {

    @Override
    public String entityType() {
        return "Drill";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("drill.recorded");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("drill", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        Drill drill = Drill.findById(id);
        if (drill == null) {
            return null;
        }
        ChangeSource.asStored(drill);
        Team team = Team.findById(drill.teamId);
        return Representation.of(DrillMapper.toApi(drill), drill.version,
                Audience.team(team.province, TeamScope.isMining(team.category), team.supportingUnitId));
    }
}
