package cn.rescueforce.equipment.catalog;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class EquipmentTypeRepository implements PanacheRepositoryBase<EquipmentType, UUID> {

    public Optional<EquipmentType> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<EquipmentType> findByCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : list("code in ?1", codes);
    }

    public List<EquipmentType> withIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    public PanacheQuery<EquipmentType> search(Where where) {
        return find(where.query(), Sort.by("group").and("code"), where.parameters());
    }
}
