package cn.rescueforce.teams.incident;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.mobilization.MobilizationOrder;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import java.util.List;
import java.util.UUID;

/**
 * Incidents in the change feed, as {@code GET /api/v1/incidents/{incidentId}} answers them: opened, a team engaged,
 * the command center updated, contained, closed, a situation reported. Readers are those who may read the incident
 * ({@code IncidentService}): the levels it concerns and those of its engaged teams. The feed's audience holds the facts
 * of up to two provinces with one mining flag and one unit ({@link Audience#team}, {@link Audience#andProvince}); an
 * incident whose readers need more (teams of a third province, of several units, mining and other teams mixed) is
 * published to the part of them that fits, never to more: the others follow their teams' {@code mobilization.*}
 * changes, which name the incident, and read it.
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

    /** Who reads the incident, as far as one audience can say it (see the class comment). */
    static Audience audience(Incident incident, List<MobilizationOrder> engaged) {
        // per province: whether a mining fact puts it before the mine-safety level (provincial levels read either way)
        Map<String, Boolean> provinces = new LinkedHashMap<>();
        incident.provinceList().forEach(p -> provinces.merge(p, incident.isMining(), Boolean::logicalOr));
        engaged.forEach(o -> provinces.merge(o.province, TeamScope.isMining(o.category), Boolean::logicalOr));
        Set<UUID> units = new LinkedHashSet<>();
        if (incident.supportingUnitId != null) {
            units.add(incident.supportingUnitId);
        }
        engaged.forEach(o -> units.add(o.supportingUnitId));
        List<String> two = provinces.keySet().stream().limit(2).toList();
        boolean mining = two.stream().allMatch(provinces::get);
        UUID unit = units.size() == 1 ? units.iterator().next() : null;
        return Audience.team(two.get(0), mining, unit)
                .andProvince(two.size() > 1 ? two.get(1) : null)
                .onlyLevels(ManagementLevel.PROVINCIAL, ManagementLevel.MINE_SAFETY, ManagementLevel.UNIT);
    }
}
