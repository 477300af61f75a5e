package cn.rescueforce.equipment.depot;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class StockLineRepository implements PanacheRepositoryBase<StockLine, UUID> {

    /** Stock lines joined with their depot {@code d}, for conditions on both (stock line alias {@code s}). */
    private static final String WITH_DEPOT = "select s from StockLine s join ReserveDepot d on d.id = s.depotId";

    public boolean batchTaken(UUID depotId, String material, String batch) {
        return count("depotId = ?1 and material = ?2 and batch = ?3", depotId, material, batch) > 0;
    }

    public List<StockLine> withIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    public PanacheQuery<StockLine> search(Where where) {
        return find(where.query(), Sort.by("material").and("batch").and("id"), where.parameters());
    }

    /** Lines whose available quantity is below their minimum level, the largest shortfall first. */
    public PanacheQuery<StockLine> belowMinimum(Where where) {
        where.condition(true, "s.quantity - s.reserved < s.minimumLevel");
        return find(WITH_DEPOT + where.clause() + " order by (s.minimumLevel - s.quantity + s.reserved) desc, s.id", where.parameters());
    }

    /** Lines with stock on hand that expires on or before {@code horizon}, the soonest first. */
    public PanacheQuery<StockLine> expiringBy(Where where, LocalDate horizon) {
        where.condition(true, "s.quantity > 0").atMost("s.expiresOn", horizon);
        return find(WITH_DEPOT + where.clause() + " order by s.expiresOn, s.id", where.parameters());
    }

    /**
     * Reloads the line as it is in the database now and locks it until the transaction ends: changes of one
     * line run one after the other, each seeing the quantities the one before left.
     */
    void lock(StockLine line) {
        getEntityManager().refresh(line, LockModeType.PESSIMISTIC_WRITE);
    }
}
