package cn.rescueforce.teams.unit;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class SupportingUnitRepository implements PanacheRepositoryBase<SupportingUnit, UUID> {

    public boolean creditCodeTaken(String creditCode, UUID except) {
        return count("creditCode = ?1 and id <> ?2", creditCode, except == null ? new UUID(0, 0) : except) > 0;
    }

    public PanacheQuery<SupportingUnit> search(Where where, Sort sort) {
        return find(where.query(), sort, where.parameters());
    }

    /** The names of the units of {@code ids} that exist, by id. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select u.id, u.name from SupportingUnit u where u.id in :ids", Object[].class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (String) row[1], (a, b) -> a));
    }
}
