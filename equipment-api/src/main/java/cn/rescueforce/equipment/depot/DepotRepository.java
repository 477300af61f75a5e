package cn.rescueforce.equipment.depot;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DepotRepository implements PanacheRepositoryBase<ReserveDepot, UUID> {

    public PanacheQuery<ReserveDepot> search(String where, Parameters params) {
        Sort sort = Sort.by("ownerLevel").and("province").and("name").and("id");
        return where.isEmpty() ? findAll(sort) : find(where, sort, params);
    }

    public List<ReserveDepot> withIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }
}
