package cn.rescueforce.teams.unit;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class SupportingUnitRepository implements PanacheRepositoryBase<SupportingUnit, UUID> {

    public boolean creditCodeTaken(String creditCode, UUID except) {
        return count("creditCode = ?1 and id <> ?2", creditCode, except == null ? new UUID(0, 0) : except) > 0;
    }

    public PanacheQuery<SupportingUnit> search(String where, Sort sort, Parameters params) {
        return where.isEmpty() ? findAll(sort) : find(where, sort, params);
    }
}
