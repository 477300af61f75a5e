package cn.rescueforce.equipment.callup;

import cn.rescueforce.equipment.api.model.CallUpClosure;
import cn.rescueforce.equipment.api.model.CallUpClosureLine;
import cn.rescueforce.equipment.api.model.CallUpInput;
import cn.rescueforce.equipment.api.model.CallUpLineInput;
import cn.rescueforce.equipment.api.model.CallUpStatus;
import cn.rescueforce.equipment.api.model.DepotOwnerLevel;
import cn.rescueforce.equipment.depot.DepotRepository;
import cn.rescueforce.equipment.depot.ReserveDepot;
import cn.rescueforce.equipment.depot.StockLine;
import cn.rescueforce.equipment.depot.StockLineRepository;
import cn.rescueforce.equipment.depot.StockMovements;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;

/** Call-ups of reserve material: requested for a team, decided and handled by the depot's owner. */
@ApplicationScoped
public class CallUpService {

    @Inject
    CallUpRepository callUps;

    @Inject
    DepotRepository depots;

    @Inject
    StockLineRepository lines;

    @Inject
    StockMovements movements;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    public record Filter(CallUpStatus status, UUID depotId, UUID teamId, UUID mobilizationOrderId) {
    }

    @Transactional
    public CallUp request(CallUpInput input) {
        scope.requireLevel(Scope.TEAM_EDITORS, "request call-ups");
        TeamRef team = scope.visibleTeam(input.getTeamId());
        ReserveDepot depot = scope.visibleDepot(depots.findById(input.getDepotId()), input.getDepotId());
        assertServes(depot, team);
        Map<UUID, StockLine> stock = lines.withIds(input.getLines().stream().map(CallUpLineInput::getStockLineId).toList())
                .stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < input.getLines().size(); i++) {
            UUID lineId = input.getLines().get(i).getStockLineId();
            StockLine line = stock.get(lineId);
            if (line == null || !line.depotId.equals(depot.id)) {
                errors.add(new Problem.FieldError("lines[" + i + "].stockLineId", "not a stock line of depot " + depot.id));
            } else if (!seen.add(lineId)) {
                errors.add(new Problem.FieldError("lines[" + i + "].stockLineId", "the stock line is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Caller caller = scope.caller();
        CallUp callUp = new CallUp();
        callUp.id = UUID.randomUUID();
        callUp.depotId = depot.id;
        callUp.teamId = team.id();
        callUp.teamProvince = team.province();
        callUp.teamMining = team.mining();
        callUp.teamUnitId = team.supportingUnitId();
        callUp.mobilizationOrderId = input.getMobilizationOrderId();
        callUp.purpose = input.getPurpose().trim();
        callUp.status = CallUpStatus.REQUESTED;
        callUp.requestedBy = caller.sub();
        callUp.requestedByLevel = caller.level();
        callUp.requestedAt = Instant.now();
        for (CallUpLineInput line : input.getLines()) {
            callUp.lines.add(new CallUp.Line(line.getStockLineId(), line.getQuantity()));
        }
        callUps.persist(callUp);
        audit.record("CallUp", callUp.id, "REQUESTED", depot.province != null ? depot.province : team.province(),
                List.of("depotId", "teamId", "mobilizationOrderId", "purpose", "lines", "status"));
        return callUp;
    }

    public CallUp get(UUID id) {
        scope.requireLevel(Scope.DEPOT_READERS, "read call-ups");
        CallUp callUp = callUps.findById(id);
        return visible(callUp, id);
    }

    public PanacheQuery<CallUp> list(Filter filter, PageRequest page) {
        scope.requireLevel(Scope.DEPOT_READERS, "read call-ups");
        Parameters params = new Parameters();
        List<String> where = new ArrayList<>();
        String teams = scope.visibleTeamRows("c", params);
        if (!teams.isEmpty()) {
            where.add("((" + teams + ") or " + scope.managedDepots("d", params) + ")");
        }
        if (filter.status() != null) {
            where.add("c.status = :status");
            params.and("status", filter.status());
        }
        if (filter.depotId() != null) {
            where.add("c.depotId = :depotId");
            params.and("depotId", filter.depotId());
        }
        if (filter.teamId() != null) {
            where.add("c.teamId = :teamId");
            params.and("teamId", filter.teamId());
        }
        if (filter.mobilizationOrderId() != null) {
            where.add("c.mobilizationOrderId = :orderId");
            params.and("orderId", filter.mobilizationOrderId());
        }
        where.add("1 = 1");
        return callUps.search(Scope.and(where.toArray(String[]::new)), params).page(page.panachePage());
    }

    /** Reserves every line or none: the first line that cannot bear its quantity rolls the whole approval back. */
    @Transactional
    public CallUp approve(UUID id) {
        CallUp callUp = decidable(id, "approve call-ups");
        requireStatus(callUp, CallUpStatus.REQUESTED, "approved");
        Map<UUID, StockLine> stock = stockOf(callUp);
        // lines in a fixed order, so two approvals sharing stock lines never wait for each other in a circle
        callUp.lines.stream().sorted(Comparator.comparing(l -> l.stockLineId))
                .forEach(line -> movements.reserve(stock.get(line.stockLineId), line.quantity, callUp.id));
        callUp.status = CallUpStatus.APPROVED;
        callUp.decidedBy = scope.caller().sub();
        callUp.approvedAt = Instant.now();
        return changed(callUp, "APPROVED", "status", "decidedBy", "approvedAt");
    }

    @Transactional
    public CallUp dispatch(UUID id) {
        CallUp callUp = decidable(id, "dispatch call-ups");
        requireStatus(callUp, CallUpStatus.APPROVED, "dispatched");
        Map<UUID, StockLine> stock = stockOf(callUp);
        callUp.lines.stream().sorted(Comparator.comparing(l -> l.stockLineId))
                .forEach(line -> movements.dispatch(stock.get(line.stockLineId), line.quantity, callUp.id));
        callUp.status = CallUpStatus.DISPATCHED;
        callUp.dispatchedAt = Instant.now();
        return changed(callUp, "DISPATCHED", "status", "dispatchedAt");
    }

    @Transactional
    public CallUp close(UUID id, CallUpClosure closure) {
        CallUp callUp = decidable(id, "close call-ups");
        requireStatus(callUp, CallUpStatus.DISPATCHED, "closed");
        Map<UUID, CallUp.Line> byLine = callUp.lines.stream().collect(Collectors.toMap(l -> l.stockLineId, Function.identity()));
        Map<UUID, Integer> returned = new HashMap<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        List<CallUpClosureLine> input = closure.getLines() == null ? List.of() : closure.getLines();
        for (int i = 0; i < input.size(); i++) {
            CallUpClosureLine line = input.get(i);
            CallUp.Line requested = byLine.get(line.getStockLineId());
            if (requested == null) {
                errors.add(new Problem.FieldError("lines[" + i + "].stockLineId", "not a line of this call-up"));
            } else if (returned.put(line.getStockLineId(), line.getReturnedQuantity()) != null) {
                errors.add(new Problem.FieldError("lines[" + i + "].stockLineId", "the stock line is listed twice"));
            } else if (line.getReturnedQuantity() > requested.quantity) {
                errors.add(new Problem.FieldError("lines[" + i + "].returnedQuantity", "at most the " + requested.quantity + " dispatched"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Map<UUID, StockLine> stock = stockOf(callUp);
        callUp.lines.stream().sorted(Comparator.comparing(l -> l.stockLineId)).forEach(line -> {
            line.returnedQuantity = returned.getOrDefault(line.stockLineId, 0);
            if (line.returnedQuantity > 0) {
                movements.returned(stock.get(line.stockLineId), line.returnedQuantity, callUp.id);
            }
        });
        callUp.status = CallUpStatus.CLOSED;
        callUp.closedAt = Instant.now();
        return changed(callUp, "CLOSED", "status", "closedAt", "lines");
    }

    @Transactional
    public CallUp reject(UUID id, String reason) {
        CallUp callUp = decidable(id, "reject call-ups");
        requireStatus(callUp, CallUpStatus.REQUESTED, "rejected");
        callUp.status = CallUpStatus.REJECTED;
        callUp.decidedBy = scope.caller().sub();
        callUp.rejectedAt = Instant.now();
        callUp.reason = reason.trim();
        return changed(callUp, "REJECTED", "status", "decidedBy", "rejectedAt", "reason");
    }

    /** The requester takes its request back, or national does; an approved call-up gives its reservation back. */
    @Transactional
    public CallUp cancel(UUID id, String reason) {
        scope.requireLevel(Scope.DEPOT_READERS, "cancel call-ups");
        CallUp callUp = visible(callUps.findForUpdate(id), id);
        Caller caller = scope.caller();
        if (!caller.is(NATIONAL) && !caller.sub().equals(callUp.requestedBy)) {
            throw ProblemException.forbidden("Only the requester or national may cancel a call-up");
        }
        if (callUp.status != CallUpStatus.REQUESTED && callUp.status != CallUpStatus.APPROVED) {
            throw ProblemException.invalidTransition("Only a REQUESTED or APPROVED call-up can be cancelled; this one is " + callUp.status);
        }
        if (callUp.status == CallUpStatus.APPROVED) {
            Map<UUID, StockLine> stock = stockOf(callUp);
            callUp.lines.stream().sorted(Comparator.comparing(l -> l.stockLineId))
                    .forEach(line -> movements.release(stock.get(line.stockLineId), line.quantity, callUp.id, reason.trim()));
        }
        callUp.status = CallUpStatus.CANCELLED;
        callUp.cancelledAt = Instant.now();
        callUp.reason = reason.trim();
        return changed(callUp, "CANCELLED", "status", "cancelledAt", "reason");
    }

    public Map<UUID, StockLine> stockOf(CallUp callUp) {
        return stockOf(List.of(callUp));
    }

    public Map<UUID, StockLine> stockOf(List<CallUp> list) {
        return lines.withIds(list.stream().flatMap(c -> c.lines.stream()).map(l -> l.stockLineId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
    }

    public Map<UUID, ReserveDepot> depotsOf(List<CallUp> list) {
        return depots.withIds(list.stream().map(c -> c.depotId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(d -> d.id, Function.identity()));
    }

    /** A call-up the caller sees (404 otherwise) and whose depot it owns (403 otherwise), locked. */
    private CallUp decidable(UUID id, String action) {
        scope.requireLevel(Scope.DEPOT_READERS, action);
        CallUp callUp = visible(callUps.findForUpdate(id), id);
        scope.requireManages(depots.findById(callUp.depotId), action);
        return callUp;
    }

    /** Seen by those whose scope covers the team, and by the depot's owner. */
    private CallUp visible(CallUp callUp, UUID id) {
        if (callUp == null || !(scope.covers(callUp.teamProvince, callUp.teamMining, callUp.teamUnitId)
                || scope.managesDepot(depots.findById(callUp.depotId)))) {
            throw ProblemException.notFound("call-up", id);
        }
        return callUp;
    }

    private static void requireStatus(CallUp callUp, CallUpStatus expected, String becoming) {
        if (callUp.status != expected) {
            throw ProblemException.invalidTransition("Only a " + expected + " call-up can be " + becoming + "; this one is " + callUp.status);
        }
    }

    /** A national depot serves every team, a provincial depot the teams of its province, a unit depot its unit's teams. */
    private static void assertServes(ReserveDepot depot, TeamRef team) {
        boolean serves = switch (depot.ownerLevel) {
            case NATIONAL -> true;
            case PROVINCIAL -> Objects.equals(depot.province, team.province());
            case UNIT -> Objects.equals(depot.unitId, team.supportingUnitId());
        };
        if (!serves) {
            throw ProblemException.conflict("The " + depot.ownerLevel + " depot " + depot.name + " does not serve team " + team.id()
                    + (depot.ownerLevel == DepotOwnerLevel.PROVINCIAL ? " (another province)" : " (another unit)"));
        }
    }

    private CallUp changed(CallUp callUp, String action, String... fields) {
        callUps.flush();
        ReserveDepot depot = depots.findById(callUp.depotId);
        audit.record("CallUp", callUp.id, action, depot.province != null ? depot.province : callUp.teamProvince, List.of(fields));
        return callUp;
    }
}
