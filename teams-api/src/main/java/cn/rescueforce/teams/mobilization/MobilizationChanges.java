package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.team.TeamService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Mobilization orders in the change feed, as {@code GET /api/v1/mobilizations/{orderId}} answers them: issued, then
 * each step (the audited action is the order's new status: ACKNOWLEDGED, EN_ROUTE, ON_SITE, COMPLETED, CANCELLED).
 * Readers are the team editors whose scope covers the order's team ({@code MobilizationService.get}); an order for
 * an incident in another province is seen by the team's province (and national), not by the incident's.
 */
@ApplicationScoped
public class MobilizationChanges implements ChangeSource {

    @Inject
    TeamService teams;

    @Override
    public String entityType() {
        return "MobilizationOrder";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("mobilization.issued", "mobilization.acknowledged", "mobilization.en-route",
                "mobilization.on-site", "mobilization.completed", "mobilization.cancelled");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("mobilization", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        MobilizationOrder order = MobilizationOrder.findById(id);
        if (order == null) {
            return null;
        }
        ChangeSource.asStored(order);
        String teamName = teams.names(List.of(order.teamId)).get(order.teamId);
        return Representation.of(MobilizationMapper.toApi(order, teamName), order.version,
                Audience.team(order.province, TeamScope.isMining(order.category), order.supportingUnitId)
                        .onlyLevels(ManagementLevel.PROVINCIAL, ManagementLevel.MINE_SAFETY, ManagementLevel.UNIT));
    }
}
