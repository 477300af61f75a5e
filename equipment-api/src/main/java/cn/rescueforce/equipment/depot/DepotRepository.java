package cn.rescueforce.equipment.depot;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DepotRepository implements PanacheRepositoryBase<ReserveDepot, UUID> {

    public PanacheQuery<ReserveDepot> search(Where where) {
        return find(where.query(), Sort.by("ownerLevel").and("province").and("name").and("id"), where.parameters());
    }

    public List<ReserveDepot> withIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
