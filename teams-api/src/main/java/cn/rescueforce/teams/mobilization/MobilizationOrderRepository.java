package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class MobilizationOrderRepository implements PanacheRepositoryBase<MobilizationOrder, UUID> {

    public boolean hasOpenOrder(UUID teamId) {
        return count("teamId = ?1 and status in ?2", teamId, MobilizationOrder.OPEN) > 0;
    }

    /** The order, locked until the transaction ends, so that two reports of a step cannot both apply. */
    public MobilizationOrder findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public PanacheQuery<MobilizationOrder> search(Where where, Sort sort) {
        return find(where.query(), sort, where.parameters());
    }
}
