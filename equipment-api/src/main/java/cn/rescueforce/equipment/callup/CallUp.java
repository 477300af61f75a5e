package cn.rescueforce.equipment.callup;

import cn.rescueforce.equipment.api.model.CallUpStatus;
import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A request for reserve material from one depot for one team: {@code REQUESTED} → {@code APPROVED} (stock
 * reserved) → {@code DISPATCHED} → {@code CLOSED}, or {@code REJECTED} / {@code CANCELLED}. The team's scope
 * columns are kept as teams-api gave them at request time.
 */
@Entity
@Table(name = "call_up")
public class CallUp extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "depot_id", nullable = false)
    public UUID depotId;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "team_province", nullable = false)
    public String teamProvince;

    @Column(name = "team_mining", nullable = false)
    public boolean teamMining;

    @Column(name = "team_unit_id", nullable = false)
    public UUID teamUnitId;

    @Column(name = "mobilization_order_id")
    public UUID mobilizationOrderId;

    @Column(nullable = false)
    public String purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CallUpStatus status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_by_level", nullable = false)
    public ManagementLevel requestedByLevel;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "rejected_at")
    public Instant rejectedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    public String reason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "call_up_line", joinColumns = @JoinColumn(name = "call_up_id"))
    @OrderColumn(name = "position")
    public List<Line> lines = new ArrayList<>();

    @Version
    public long version;

    @Embeddable
    public static class Line {

        @Column(name = "stock_line_id", nullable = false)
        public UUID stockLineId;

        @Column(nullable = false)
        public int quantity;

        @Column(name = "returned_quantity")
        public Integer returnedQuantity;

        public Line() {
        }

        public Line(UUID stockLineId, int quantity) {
            this.stockLineId = stockLineId;
            this.quantity = quantity;
        }
    }
}
