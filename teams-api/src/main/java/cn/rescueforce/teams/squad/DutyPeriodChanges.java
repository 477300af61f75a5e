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
 * Duty periods in the change feed, as {@code GET /api/v1/teams/{teamId}/duty-roster} lists them, to whoever reads the
 * team's roster (the team readers whose scope covers it).
 */
@ApplicationScoped
public class DutyPeriodChanges implements ChangeSource {

    @Inject
    DutyRosterService roster;

    @Override
    public String entityType() {
        return "DutyPeriod";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("duty-roster.scheduled", "duty-roster.cancelled");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("duty-roster", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        DutyPeriod period = DutyPeriod.findById(id);
        if (period == null) {
            return null;
        }
        ChangeSource.asStored(period);
        Team team = Team.findById(period.teamId);
        return Representation.of(SquadMapper.toApi(roster.entry(period)), period.version,
                Audience.team(team.province, TeamScope.isMining(team.category), team.supportingUnitId));
    }
}
