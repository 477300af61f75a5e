package cn.rescueforce.equipment.catalog;

import cn.rescueforce.equipment.api.model.EquipmentTypePage;
import cn.rescueforce.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.List;

/** Catalog types as the contract shows them. */
@ApplicationScoped
public class EquipmentTypeMapper {

    public EquipmentTypePage page(List<EquipmentType> types, PageRequest request, long total) {
        return new EquipmentTypePage(types.stream().map(this::toApi).toList(), request.page(), request.size(), total);
    }

    public cn.rescueforce.equipment.api.model.EquipmentType toApi(EquipmentType type) {
        return new cn.rescueforce.equipment.api.model.EquipmentType()
                .id(type.id)
                .code(type.code)
                .name(type.name)
                .group(type.group)
                .unit(type.unit)
                .inspectionIntervalDays(type.inspectionIntervalDays)
                .serviceLifeMonths(type.serviceLifeMonths)
                .description(type.description)
                .createdAt(type.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(type.updatedAt.atOffset(ZoneOffset.UTC))
                .version(type.version);
    }
}
