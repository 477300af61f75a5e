package cn.rescueforce.equipment.depot;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A batch of one material in a depot: {@code quantity} on hand, of which {@code reserved} is promised to
 * approved call-ups. Neither is ever negative and the reservation never exceeds what is on hand: every change
 * below keeps that or fails as a 409, leaving the line as it was. Changes go through {@link StockMovements},
 * which locks the line first and writes each change to the ledger (the table's checks are the backstop).
 */
@Entity
@Table(name = "stock_line")
public class StockLine extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "depot_id", nullable = false)
    public UUID depotId;

    @Column(nullable = false)
    public String material;

    @Column(nullable = false)
    public String batch;

    @Column(nullable = false)
    public int quantity;

    @Column(nullable = false)
    public int reserved;

    @Column(nullable = false)
    public String unit;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "minimum_level", nullable = false)
    public int minimumLevel;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A batch as the depot receives it: nothing of it reserved yet. */
    public static StockLine received(UUID depotId, String material, String batch, int quantity, String unit,
                                     LocalDate expiresOn, Integer minimumLevel, Instant at) {
        if (quantity < 0) {
            throw ProblemException.invalid("quantity", Text.of("must not be negative"));
        }
        StockLine line = new StockLine();
        line.id = UUID.randomUUID();
        line.depotId = depotId;
        line.material = material.trim();
        line.batch = batch.trim();
        line.quantity = quantity;
        line.unit = unit;
        line.expiresOn = expiresOn;
        line.minimumLevel = minimumLevel == null ? 0 : minimumLevel;
        line.createdAt = at;
        line.updatedAt = at;
        return line;
    }

    public int available() {
        return quantity - reserved;
    }

    /** Less is available than the depot wants to keep. */
    public boolean belowMinimum() {
        return available() < minimumLevel;
    }

    /** Promises {@code q} to an approved call-up; 409 {@code insufficient-stock} when fewer are available. */
    public void reserve(int q) {
        requirePositive(q);
        if (available() < q) {
            throw insufficient(Text.of("{0} available, {1} requested", available(), q));
        }
        reserved += q;
        changed();
    }

    /** Gives back {@code q} of the reservation (a cancelled call-up). */
    public void release(int q) {
        requirePositive(q);
        if (reserved < q) {
            throw inconsistent(Text.of("cannot release {0}", q));
        }
        reserved -= q;
        changed();
    }

    /** Reserved quantity leaves the depot. */
    public void dispatch(int q) {
        requirePositive(q);
        if (reserved < q || quantity < q) {
            throw inconsistent(Text.of("cannot dispatch {0}", q));
        }
        quantity -= q;
        reserved -= q;
        changed();
    }

    /** Dispatched quantity comes back unused. */
    public void takeBack(int q) {
        requirePositive(q);
        quantity += q;
        changed();
    }

    /**
     * Changes the quantity on hand by {@code delta} (a count, a write-off, a delivery); never below what approved
     * call-ups reserve: 409 {@code insufficient-stock} then.
     */
    public void adjust(int delta) {
        if (delta == 0) {
            throw ProblemException.invalid("delta", Text.of("must not be 0"));
        }
        if (quantity + delta < reserved) {
            throw insufficient(Text.of("removing {0} would leave less than the {1} reserved by approved call-ups", -delta, reserved));
        }
        quantity += delta;
        changed();
    }

    private void changed() {
        updatedAt = Instant.now();
    }

    private static void requirePositive(int q) {
        if (q <= 0) {
            throw new IllegalArgumentException("a stock movement moves at least 1, not " + q);
        }
    }

    private ProblemException insufficient(Text detail) {
        return new ProblemException(409, "insufficient-stock", "Insufficient stock",
                Text.of("Stock line {0} ({1}, batch {2}): {3}", id, material, batch, detail), null);
    }

    /** A movement that approved call-ups guarantee; failing means the stock changed under them. */
    private ProblemException inconsistent(Text detail) {
        return new ProblemException(409, "stock-changed", "Stock changed under the call-up",
                Text.of("Stock line {0} ({1}): {2}; the stock changed, retry", id, material, detail), null);
    }

    /** 409 {@code duplicate-stock-batch}: a depot holds one line per material and batch (stock_line_batch_unique). */
    public static ProblemException batchTaken(String material, String batch) {
        return new ProblemException(409, "duplicate-stock-batch", "Batch already in the depot",
                material == null ? Text.of("This batch of this material is already in this depot; adjust its line instead")
                        : Text.of("Batch {0} of {1} is already in this depot; adjust its line instead", batch, material), null);
    }
}
