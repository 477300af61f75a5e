package cn.rescueforce.equipment.depot;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Stock lines. Quantities change only through the guarded updates below: each is one SQL statement whose
 * condition re-checks the row as PostgreSQL locks it, so concurrent changes can never take a line below
 * zero available, whatever their number (the table's checks are the backstop). Each answers whether it
 * applied.
 */
@ApplicationScoped
public class StockLineRepository implements PanacheRepositoryBase<StockLine, UUID> {

    public boolean batchTaken(UUID depotId, String material, String batch) {
        return count("depotId = ?1 and material = ?2 and batch = ?3", depotId, material, batch) > 0;
    }

    public List<StockLine> withIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    public PanacheQuery<StockLine> search(String where, Sort sort, Parameters params) {
        return where.isEmpty() ? findAll(sort) : find(where, sort, params);
    }

    /** Reserve {@code q} if at least {@code q} is available. */
    boolean reserve(UUID id, int q) {
        return update("reserved = reserved + :q, version = version + 1, updatedAt = :now where id = :id and quantity - reserved >= :q",
                Parameters.with("q", q).and("id", id).and("now", Instant.now())) == 1;
    }

    /** Give back {@code q} of the reservation. */
    boolean release(UUID id, int q) {
        return update("reserved = reserved - :q, version = version + 1, updatedAt = :now where id = :id and reserved >= :q",
                Parameters.with("q", q).and("id", id).and("now", Instant.now())) == 1;
    }

    /** Reserved quantity leaves the depot. */
    boolean dispatch(UUID id, int q) {
        return update("quantity = quantity - :q, reserved = reserved - :q, version = version + 1, updatedAt = :now"
                        + " where id = :id and reserved >= :q and quantity >= :q",
                Parameters.with("q", q).and("id", id).and("now", Instant.now())) == 1;
    }

    /** Change the quantity on hand, never below what is reserved. */
    boolean adjust(UUID id, int delta) {
        return update("quantity = quantity + :delta, version = version + 1, updatedAt = :now where id = :id and quantity + :delta >= reserved",
                Parameters.with("delta", delta).and("id", id).and("now", Instant.now())) == 1;
    }

    /** The line as it is in the database now (after a guarded update). */
    StockLine reload(UUID id) {
        StockLine line = findById(id);
        getEntityManager().refresh(line);
        return line;
    }
}
