package cn.rescueforce.equipment.equipment;

import cn.rescueforce.equipment.api.model.InspectionKind;
import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Team equipment in the change feed, as {@code GET /api/v1/teams/{teamId}/equipment/{itemId}} answers it, to whoever's
 * scope covers the team (the team's facts the item keeps, as the equipment alerts read them; the readers of team
 * equipment are TEAM_READERS, and an assessor's team scope covers no team).
 */
@ApplicationScoped
public class EquipmentItemChanges implements ChangeSource {

    static final List<String> EVENT_TYPES = List.of("equipment.registered", "equipment.updated", "equipment.inspected",
            "equipment.maintained");

    @Inject
    EquipmentService service;

    @Inject
    EquipmentMapper mapper;

    @Override
    public String entityType() {
        return "EquipmentItem";
    }

    @Override
    public List<String> eventTypes() {
        return EVENT_TYPES;
    }

    /**
     * REGISTERED and UPDATED by name; an inspection or maintenance is audited as {@code <kind>_<result>}
     * (EquipmentService.recordInspection) and published by its kind, {@code equipment.inspected} or
     * {@code equipment.maintained}: the result shows in the item (a failed one leaves it {@code UNDER_MAINTENANCE}, a
     * passed one never does), the record itself in the item's inspections.
     */
    @Override
    public String eventType(String action) {
        for (InspectionKind kind : InspectionKind.values()) {
            if (action.startsWith(kind.name() + "_")) {
                return ChangeSource.eventType("equipment", switch (kind) {
                    case INSPECTION -> "INSPECTED";
                    case MAINTENANCE -> "MAINTAINED";
                }, EVENT_TYPES);
            }
        }
        return ChangeSource.eventType("equipment", action, EVENT_TYPES);
    }

    @Override
    public Representation represent(UUID id) {
        EquipmentItem item = ChangeSource.asStored(EquipmentItem.findById(id));
        if (item == null) {
            return null;
        }
        return Representation.of(mapper.toApi(item, service.typesOf(List.of(item)), EquipmentService.today()), item.version,
                Audience.team(item.teamProvince, item.teamMining, item.teamUnitId));
    }
}
