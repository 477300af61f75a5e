package cn.rescueforce.equipment.callup;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CallUpRepository implements PanacheRepositoryBase<CallUp, UUID> {

    /**
     * The call-up, locked until the transaction ends: two decisions on one call-up run one after the other. The
     * row is locked first and then loaded: Hibernate's own locking load of an entity with an element collection
     * locks the line table in a follow-on statement, and that statement failed with a NullPointerException
     * inside Hibernate under concurrent approvals (CallUpTest, approvalsRacingForTheLastUnitsNeverOversell).
     */
    public CallUp findForUpdate(UUID id) {
        List<?> locked = getEntityManager().createNativeQuery("select id from call_up where id = :id for update")
                .setParameter("id", id).getResultList();
        if (locked.isEmpty()) {
            return null;
        }
        CallUp callUp = findById(id);
        getEntityManager().refresh(callUp);
        return callUp;
    }

    /** Call-ups (alias {@code c}) joined with their depot {@code d}, the newest first. */
    public PanacheQuery<CallUp> search(Where where) {
        return find("select c from CallUp c join ReserveDepot d on d.id = c.depotId" + where.clause()
                + " order by c.requestedAt desc, c.id", where.parameters());
    }
}
