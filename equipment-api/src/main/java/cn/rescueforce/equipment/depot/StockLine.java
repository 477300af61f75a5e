package cn.rescueforce.equipment.depot;

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
 * approved call-ups. Quantities change only through {@link StockMovements}, each change a ledger entry.
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

    public int available() {
        return quantity - reserved;
    }
}
