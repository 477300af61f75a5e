package cn.rescueforce.equipment.configuration;

import cn.rescueforce.equipment.api.model.Specialty;
import cn.rescueforce.equipment.api.model.StandardConfigurationLine;
import cn.rescueforce.equipment.api.model.StandardConfigurationPage;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Standard configurations as the contract shows them, each line with its catalog type's code and name. */
@ApplicationScoped
public class StandardConfigurationMapper {

    public StandardConfigurationPage page(List<StandardConfiguration> configurations, Predicate<StandardConfiguration> current,
                                          Map<UUID, EquipmentType> types, PageRequest request, long total) {
        return new StandardConfigurationPage(configurations.stream().map(c -> toApi(c, current.test(c), types)).toList(),
                request.page(), request.size(), total);
    }

    public cn.rescueforce.equipment.api.model.StandardConfiguration toApi(StandardConfiguration configuration, boolean current,
                                                                          Map<UUID, EquipmentType> types) {
        return new cn.rescueforce.equipment.api.model.StandardConfiguration()
                .id(configuration.id)
                .category(configuration.category)
                .version(configuration.version)
                .title(configuration.title)
                .current(current)
                .lines(configuration.lines.stream().map(line -> new StandardConfigurationLine()
                        .equipmentTypeCode(types.get(line.equipmentTypeId).code)
                        .equipmentTypeName(types.get(line.equipmentTypeId).name)
                        .minimumQuantity(line.minimumQuantity)
                        .specialty(line.specialty == null ? null : Specialty.fromValue(line.specialty))).toList())
                .publishedAt(configuration.publishedAt.atOffset(ZoneOffset.UTC))
                .publishedBy(configuration.publishedBy);
    }
}
