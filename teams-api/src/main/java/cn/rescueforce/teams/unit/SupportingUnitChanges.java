package cn.rescueforce.teams.unit;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Supporting units in the change feed, as {@code GET /api/v1/supporting-units/{unitId}} answers them, to whoever
 * reads the unit ({@link SupportingUnit#AS_HOST}: its province's levels, mine-safety included, and the unit itself).
 */
@ApplicationScoped
public class SupportingUnitChanges implements ChangeSource {

    @Override
    public String entityType() {
        return "SupportingUnit";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("supporting-unit.registered", "supporting-unit.updated");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("supporting-unit", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        SupportingUnit unit = SupportingUnit.findById(id);
        if (unit == null) {
            return null;
        }
        ChangeSource.asStored(unit);
        // mining = true: a mine-safety bureau reads every unit of its province (AS_HOST's condition "1 = 1")
        return Representation.of(SupportingUnitMapper.toApi(unit), unit.version, Audience.team(unit.province, true, unit.id));
    }
}
