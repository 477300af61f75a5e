package cn.rescueforce.equipment.ledger;

import cn.rescueforce.equipment.api.model.LedgerEntryKind;
import cn.rescueforce.equipment.depot.StockLine;
import cn.rescueforce.kit.security.Caller;
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

    /** The entry of a change by {@code actor} that left the line as {@code after} is now. */
    public static LedgerEntry of(StockLine after, LedgerEntryKind kind, int quantityDelta, int reservedDelta,
                                 UUID callUpId, String reason, Caller actor) {
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.at = Instant.now();
        entry.depotId = after.depotId;
        entry.stockLineId = after.id;
        entry.kind = kind;
        entry.quantityDelta = quantityDelta;
        entry.reservedDelta = reservedDelta;
        entry.quantityAfter = after.quantity;
        entry.reservedAfter = after.reserved;
        entry.callUpId = callUpId;
        entry.reason = reason;
        entry.actorSub = actor.sub();
        entry.actorLevel = actor.level();
        return entry;
    }
}
