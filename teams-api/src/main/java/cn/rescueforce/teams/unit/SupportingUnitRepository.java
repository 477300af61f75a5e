package cn.rescueforce.teams.unit;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
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

    /**
     * The names of the units of {@code ids} that exist, by id. One id (a team's unit, read with every team and every
     * change of a team) is asked with a single-valued parameter and only the name selected: Hibernate keeps that
     * query's plan, while a query with a collection-valued parameter is translated again at every call.
     */
    public Map<UUID, String> names(Collection<UUID> ids) {
        if (ids.size() == 1) {
            UUID id = ids.iterator().next();
            List<String> name = getEntityManager()
                    .createQuery("select u.name from SupportingUnit u where u.id = :id", String.class)
                    .setParameter("id", id).getResultList();
            return name.isEmpty() ? Map.of() : Map.of(id, name.get(0));
        }
        return ids.isEmpty() ? Map.of()
                : list("id in ?1", ids).stream().collect(Collectors.toMap(u -> u.id, u -> u.name));
    }
}
