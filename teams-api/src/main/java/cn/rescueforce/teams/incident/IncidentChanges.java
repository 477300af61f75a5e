package cn.rescueforce.teams.incident;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.kit.security.TeamSet;
import cn.rescueforce.teams.mobilization.MobilizationOrder;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Incidents in the change feed, as {@code GET /api/v1/incidents/{incidentId}} answers them: opened, a team engaged,
 * the command center updated, contained, closed, a situation reported. Readers are exactly those who may read the
 * incident ({@code IncidentService#maySee}): whoever's team scope covers the incident itself ({@link Incident#teams}:
 * the levels of each of its provinces, mine-safety for a mining accident, its enterprise's unit) or one of its engaged
 * teams, of any number of provinces and units, mining and other teams mixed. Each change is published to the readers
 * as they are when it is made: a team's levels see the incident from the change that engaged it.
 */
@ApplicationScoped
public class IncidentChanges implements ChangeSource {

    @Override
    public String entityType() {
        return "Incident";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("incident.opened", "incident.team-engaged", "incident.updated", "incident.contained",
                "incident.closed", "incident.situation-reported");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("incident", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        Incident incident = Incident.findById(id);
        if (incident == null) {
            return null;
        }
        ChangeSource.asStored(incident);
        List<MobilizationOrder> engaged = MobilizationOrder.list("incidentId", incident.id);
        return Representation.of(IncidentMapper.toApi(incident), incident.version, audience(incident, engaged));
    }

    /** Who reads the incident: the levels it concerns and those of every team engaged in it by an order. */
    static Audience audience(Incident incident, List<MobilizationOrder> engaged) {
        TeamSet teams = incident.teams();
        for (MobilizationOrder order : engaged) {
            teams = teams.and(order.province, TeamScope.isMining(order.category), order.supportingUnitId);
        }
        return Audience.teams(teams).onlyLevels(ManagementLevel.PROVINCIAL, ManagementLevel.MINE_SAFETY, ManagementLevel.UNIT);
    }
}
