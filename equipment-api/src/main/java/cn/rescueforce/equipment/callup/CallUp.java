package cn.rescueforce.equipment.callup;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.api.model.CallUpStatus;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A request for reserve material from one depot for one team: {@code REQUESTED} → {@code APPROVED} (stock
 * reserved) → {@code DISPATCHED} → {@code CLOSED}, or {@code REJECTED} / {@code CANCELLED}. The team's scope
 * columns are kept as teams-api gave them at request time. Each transition below checks the status it starts
 * from (409 {@code invalid-transition} otherwise); the stock it moves is the service's to move, in the same
 * transaction.
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

    /** The teams-api incident the call-up serves, if any; its format only is checked (contract, CallUpInput). */
    @Column(name = "incident_id")
    public UUID incidentId;

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

    /** The call-up serves this teams-api incident (none: null). */
    public CallUp servingIncident(UUID incident) {
        this.incidentId = incident;
        return this;
    }

    /** A quantity of one line of the call-up that came back unused, as the closure reports it. */
    public record Return(UUID stockLineId, int quantity) {
    }

    /**
     * A request of {@code requester} for {@code team}: each line names a different stock line of the depot
     * ({@code stockOfDepot} holds those of the named stock lines that are the depot's).
     */
    public static CallUp request(UUID depotId, Set<UUID> stockOfDepot, TeamRef team, UUID mobilizationOrderId, String purpose,
                                 List<Line> lines, Caller requester, Instant at) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            UUID stockLineId = lines.get(i).stockLineId;
            if (!stockOfDepot.contains(stockLineId)) {
                errors.add(new Problem.FieldError("lines[" + i + "].stockLineId", Text.of("not a stock line of depot {0}", depotId)));
            } else if (!seen.add(stockLineId)) {
                errors.add(new Problem.FieldError("lines[" + i + "].stockLineId", Text.of("the stock line is listed twice")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        CallUp callUp = new CallUp();
        callUp.id = UUID.randomUUID();
        callUp.depotId = depotId;
        callUp.teamId = team.id();
        callUp.teamProvince = team.province();
        callUp.teamMining = team.mining();
        callUp.teamUnitId = team.supportingUnitId();
        callUp.mobilizationOrderId = mobilizationOrderId;
        callUp.purpose = purpose.trim();
        callUp.status = CallUpStatus.REQUESTED;
        callUp.requestedBy = requester.sub();
        callUp.requestedByLevel = requester.level();
        callUp.requestedAt = at;
        callUp.lines.addAll(lines);
        return callUp;
    }

    /** The depot's owner approves: the requested stock is to be reserved. */
    public void approve(String by, Instant at) {
        requireStatus(CallUpStatus.REQUESTED, Text.of("approved"));
        status = CallUpStatus.APPROVED;
        decidedBy = by;
        approvedAt = at;
    }

    /** The depot's owner refuses the request, saying why. */
    public void reject(String by, String why, Instant at) {
        requireStatus(CallUpStatus.REQUESTED, Text.of("rejected"));
        status = CallUpStatus.REJECTED;
        decidedBy = by;
        rejectedAt = at;
        reason = why.trim();
    }

    /** The reserved stock leaves the depot. */
    public void dispatch(Instant at) {
        requireStatus(CallUpStatus.APPROVED, Text.of("dispatched"));
        status = CallUpStatus.DISPATCHED;
        dispatchedAt = at;
    }

    /**
     * The material is back or used up: each line records what came back unused (0 when the closure does not
     * name it), at most what was dispatched; the rest was consumed.
     */
    public void close(List<Return> returns, Instant at) {
        requireStatus(CallUpStatus.DISPATCHED, Text.of("closed"));
        Map<UUID, Line> byStockLine = new HashMap<>();
        lines.forEach(line -> byStockLine.put(line.stockLineId, line));
        Map<UUID, Integer> returned = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (int i = 0; i < returns.size(); i++) {
            Return back = returns.get(i);
            Line dispatched = byStockLine.get(back.stockLineId());
            if (dispatched == null) {
                errors.add(new Problem.FieldError("lines[" + i + "].stockLineId", Text.of("not a line of this call-up")));
            } else if (returned.put(back.stockLineId(), back.quantity()) != null) {
                errors.add(new Problem.FieldError("lines[" + i + "].stockLineId", Text.of("the stock line is listed twice")));
            } else if (back.quantity() > dispatched.quantity) {
                errors.add(new Problem.FieldError("lines[" + i + "].returnedQuantity", Text.of("at most the {0} dispatched", dispatched.quantity)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        lines.forEach(line -> line.returnedQuantity = returned.getOrDefault(line.stockLineId, 0));
        status = CallUpStatus.CLOSED;
        closedAt = at;
    }

    /** Whether stock is reserved for this call-up: approved and not yet dispatched. */
    public boolean holdsReservation() {
        return status == CallUpStatus.APPROVED;
    }

    /** Taken back before dispatch; an approved call-up's reservation is to be released. */
    public void cancel(String why, Instant at) {
        if (status != CallUpStatus.REQUESTED && status != CallUpStatus.APPROVED) {
            throw ProblemException.invalidTransition(Text.of("Only a REQUESTED or APPROVED call-up can be cancelled; this one is {0}", status));
        }
        status = CallUpStatus.CANCELLED;
        cancelledAt = at;
        reason = why.trim();
    }

    /**
     * The lines in the order of their stock lines: every transaction that moves the stock of several lines
     * takes them in this one order, so two never wait for each other in a circle.
     */
    public List<Line> linesInStockOrder() {
        return lines.stream().sorted(Comparator.comparing((Line line) -> line.stockLineId)).toList();
    }

    private void requireStatus(CallUpStatus expected, Text becoming) {
        if (status != expected) {
            throw ProblemException.invalidTransition(Text.of("Only a {0} call-up can be {1}; this one is {2}", expected, becoming, status));
        }
    }

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

        /** What was used up: dispatched minus returned, once the call-up is closed. */
        public Integer consumedQuantity() {
            return returnedQuantity == null ? null : quantity - returnedQuantity;
        }
    }
}
