package cn.rescueforce.equipment.catalog;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Catalog types in the change feed, as {@code GET /api/v1/equipment-types/{typeCode}} answers them, to every level (the
 * catalog is read by every level, assessor included: EquipmentTypeService).
 */
@ApplicationScoped
public class EquipmentTypeChanges implements ChangeSource {

    static final List<String> EVENT_TYPES = List.of("equipment-type.created", "equipment-type.updated");

    @Inject
    EquipmentTypeMapper mapper;

    @Override
    public String entityType() {
        return "EquipmentType";
    }

    @Override
    public List<String> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("equipment-type", action, EVENT_TYPES);
    }

    @Override
    public Representation represent(UUID id) {
        EquipmentType type = ChangeSource.asStored(EquipmentType.findById(id));
        if (type == null) {
            return null;
        }
        return Representation.of(mapper.toApi(type), type.version, Audience.everyone());
    }
}
