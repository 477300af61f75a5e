package cn.rescueforce.equipment.equipment;

import cn.rescueforce.equipment.api.model.EquipmentItemPage;
import cn.rescueforce.equipment.api.model.InspectionPage;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Equipment items and their inspections as the contract shows them; an item with its catalog type's code and name. */
@ApplicationScoped
public class EquipmentMapper {

    public EquipmentItemPage page(List<EquipmentItem> items, Map<UUID, EquipmentType> types, LocalDate today,
                                  PageRequest request, long total) {
        return new EquipmentItemPage(items.stream().map(i -> toApi(i, types, today)).toList(), request.page(), request.size(), total);
    }

    public InspectionPage inspectionPage(List<Inspection> inspections, PageRequest request, long total) {
        return new InspectionPage(inspections.stream().map(this::toApi).toList(), request.page(), request.size(), total);
    }

    /** The item as of {@code today} (whether its inspection is overdue). */
    public cn.rescueforce.equipment.api.model.EquipmentItem toApi(EquipmentItem item, Map<UUID, EquipmentType> types, LocalDate today) {
        EquipmentType type = types.get(item.equipmentTypeId);
        return new cn.rescueforce.equipment.api.model.EquipmentItem()
                .id(item.id)
                .teamId(item.teamId)
                .province(item.teamProvince)
                .equipmentTypeCode(type.code)
                .equipmentTypeName(type.name)
                .serialNumber(item.serialNumber)
                .status(item.status)
                .acquiredOn(item.acquiredOn)
                .expiresOn(item.expiresOn)
                .lastInspectedOn(item.lastInspectedOn)
                .nextInspectionDue(item.nextInspectionDue)
                .inspectionOverdue(item.inspectionOverdue(today))
                .note(item.note)
                .createdAt(item.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(item.updatedAt.atOffset(ZoneOffset.UTC))
                .version(item.version);
    }

    public cn.rescueforce.equipment.api.model.Inspection toApi(Inspection inspection) {
        return new cn.rescueforce.equipment.api.model.Inspection()
                .id(inspection.id)
                .itemId(inspection.itemId)
                .kind(inspection.kind)
                .performedOn(inspection.performedOn)
                .result(inspection.result)
                .inspector(inspection.inspector)
                .notes(inspection.notes)
                .recordedBy(inspection.recordedBy)
                .recordedAt(inspection.recordedAt.atOffset(ZoneOffset.UTC));
    }
}
