package cn.rescueforce.equipment.callup;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

@ApplicationScoped
public class CallUpRepository implements PanacheRepositoryBase<CallUp, UUID> {

    /**
     * The call-up, locked until the transaction ends: two decisions on one call-up run one after the other. A locking
     * query rather than findById with a lock mode: Hibernate 7 then also locks the eagerly loaded lines in a second
     * step (follow-on locking), which fails under concurrent approvals (CallUpTest, racing approvals).
     */
    public CallUp findForUpdate(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public PanacheQuery<CallUp> search(String where, Parameters params) {
        return find("select c from CallUp c, ReserveDepot d where c.depotId = d.id and " + where
                + " order by c.requestedAt desc, c.id", params);
    }
}
