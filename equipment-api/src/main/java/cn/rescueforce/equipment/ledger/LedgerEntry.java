package cn.rescueforce.equipment.ledger;

import cn.rescueforce.equipment.api.model.LedgerEntryKind;
import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** One change of a stock line. Append-only: the database refuses updates and deletes of this table. */
@Entity
@Immutable
@Table(name = "stock_ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public Instant at;

    @Column(name = "depot_id", nullable = false)
    public UUID depotId;

    @Column(name = "stock_line_id", nullable = false)
    public UUID stockLineId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LedgerEntryKind kind;

    @Column(name = "quantity_delta", nullable = false)
    public int quantityDelta;

    @Column(name = "reserved_delta", nullable = false)
    public int reservedDelta;

    @Column(name = "quantity_after", nullable = false)
    public int quantityAfter;

    @Column(name = "reserved_after", nullable = false)
    public int reservedAfter;

    @Column(name = "call_up_id")
    public UUID callUpId;

    public String reason;

    @Column(name = "actor_sub", nullable = false)
    public String actorSub;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_level", nullable = false)
    public ManagementLevel actorLevel;
}
