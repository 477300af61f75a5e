package cn.rescueforce.equipment.callup;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.api.model.CallUpClosure;
import cn.rescueforce.equipment.api.model.CallUpInput;
import cn.rescueforce.equipment.api.model.CallUpLineInput;
import cn.rescueforce.equipment.api.model.CallUpStatus;
import cn.rescueforce.equipment.api.model.DepotOwnerLevel;
import cn.rescueforce.equipment.depot.DepotAccess;
import cn.rescueforce.equipment.depot.DepotRepository;
import cn.rescueforce.equipment.depot.ReserveDepot;
import cn.rescueforce.equipment.depot.StockLine;
import cn.rescueforce.equipment.depot.StockLineRepository;
import cn.rescueforce.equipment.depot.StockMovements;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    DepotAccess depotAccess;

    @Inject
    StockLineRepository lines;

    @Inject
    StockMovements movements;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    public record Filter(CallUpStatus status, UUID depotId, UUID teamId, UUID mobilizationOrderId, UUID incidentId) {
    }

    @Transactional
    public CallUp request(CallUpInput input) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("request call-ups"));
        TeamRef team = scope.visibleTeam(input.getTeamId());
        ReserveDepot depot = depotAccess.visible(input.getDepotId());
        assertServes(depot, team);
        Set<UUID> stockOfDepot = lines.withIds(input.getLines().stream().map(CallUpLineInput::getStockLineId).toList()).stream()
                .filter(line -> line.depotId.equals(depot.id)).map(line -> line.id).collect(Collectors.toSet());
        CallUp callUp = CallUp.request(depot.id, stockOfDepot, team, input.getMobilizationOrderId(), input.getPurpose(),
                input.getLines().stream().map(line -> new CallUp.Line(line.getStockLineId(), line.getQuantity())).toList(),
                scope.caller(), Instant.now()).servingIncident(input.getIncidentId());
        callUps.persist(callUp);
        audit.record("CallUp", callUp.id, "REQUESTED", depot.province != null ? depot.province : team.province(),
                List.of("depotId", "teamId", "mobilizationOrderId", "incidentId", "purpose", "lines", "status"));
        return callUp;
    }

    public CallUp get(UUID id) {
        scope.requireLevel(DepotAccess.READERS, Text.of("read call-ups"));
        CallUp callUp = callUps.findById(id);
        return visible(callUp, id);
    }

    public PanacheQuery<CallUp> list(Filter filter, PageRequest page) {
        scope.requireLevel(DepotAccess.READERS, Text.of("read call-ups"));
        Where where = CallUpScope.of(scope.caller()).restrict(new Where(), "c", "d")
                .equal("c.status", filter.status())
                .equal("c.depotId", filter.depotId())
                .equal("c.teamId", filter.teamId())
                .equal("c.mobilizationOrderId", filter.mobilizationOrderId())
                .equal("c.incidentId", filter.incidentId());
        return callUps.search(where).page(page.panachePage());
    }

    /** Reserves every line or none: the first line that cannot bear its quantity rolls the whole approval back. */
    @Transactional
    /** With {@code ifMatch} (optional), the approver's copy must still be current: 412 when it changed since. */
    public CallUp approve(UUID id, String ifMatch) {
        CallUp callUp = decidable(id, Text.of("approve call-ups"));
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, callUp.version);
        }
        callUp.approve(scope.caller().sub(), Instant.now());
        Map<UUID, StockLine> stock = stockOf(callUp);
        callUp.linesInStockOrder().forEach(line -> movements.reserve(stock.get(line.stockLineId), line.quantity, callUp.id));
        return changed(callUp, "APPROVED", "status", "decidedBy", "approvedAt");
    }

    @Transactional
    public CallUp dispatch(UUID id) {
        CallUp callUp = decidable(id, Text.of("dispatch call-ups"));
        callUp.dispatch(Instant.now());
        Map<UUID, StockLine> stock = stockOf(callUp);
        callUp.linesInStockOrder().forEach(line -> movements.dispatch(stock.get(line.stockLineId), line.quantity, callUp.id));
        return changed(callUp, "DISPATCHED", "status", "dispatchedAt");
    }

    @Transactional
    public CallUp close(UUID id, CallUpClosure closure) {
        CallUp callUp = decidable(id, Text.of("close call-ups"));
        callUp.close(closure.getLines() == null ? List.of() : closure.getLines().stream()
                .map(line -> new CallUp.Return(line.getStockLineId(), line.getReturnedQuantity())).toList(), Instant.now());
        Map<UUID, StockLine> stock = stockOf(callUp);
        callUp.linesInStockOrder().stream().filter(line -> line.returnedQuantity > 0)
                .forEach(line -> movements.returned(stock.get(line.stockLineId), line.returnedQuantity, callUp.id));
        return changed(callUp, "CLOSED", "status", "closedAt", "lines");
    }

    @Transactional
    public CallUp reject(UUID id, String reason) {
        CallUp callUp = decidable(id, Text.of("reject call-ups"));
        callUp.reject(scope.caller().sub(), reason, Instant.now());
        return changed(callUp, "REJECTED", "status", "decidedBy", "rejectedAt", "reason");
    }

    /** The requester takes its request back, or national does; an approved call-up gives its reservation back. */
    @Transactional
    public CallUp cancel(UUID id, String reason) {
        scope.requireLevel(DepotAccess.READERS, Text.of("cancel call-ups"));
        CallUp callUp = visible(callUps.findForUpdate(id), id);
        assertMayCancel(callUp);
        boolean release = callUp.holdsReservation();
        callUp.cancel(reason, Instant.now());
        if (release) {
            Map<UUID, StockLine> stock = stockOf(callUp);
            callUp.linesInStockOrder().forEach(line -> movements.release(stock.get(line.stockLineId), line.quantity, callUp.id, callUp.reason));
        }
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
    private CallUp decidable(UUID id, Text action) {
        scope.requireLevel(DepotAccess.READERS, action);
        CallUp callUp = visible(callUps.findForUpdate(id), id);
        depotAccess.requireManages(depots.findById(callUp.depotId), action);
        return callUp;
    }

    private CallUp visible(CallUp callUp, UUID id) {
        if (callUp == null || !CallUpScope.of(scope.caller()).covers(callUp, depots.findById(callUp.depotId))) {
            throw ProblemException.notFound(Text.of("call-up"), id);
        }
        return callUp;
    }

    private void assertMayCancel(CallUp callUp) {
        Caller caller = scope.caller();
        if (!caller.is(NATIONAL) && !caller.sub().equals(callUp.requestedBy)) {
            throw ProblemException.forbidden(Text.of("Only the requester or national may cancel a call-up"));
        }
    }

    private static void assertServes(ReserveDepot depot, TeamRef team) {
        if (!depot.serves(team.province(), team.supportingUnitId())) {
            throw new ProblemException(409, "depot-does-not-serve-team", "Depot does not serve the team", depot.ownerLevel == DepotOwnerLevel.PROVINCIAL ? Text.of("The {0} depot {1} does not serve team {2} (another province)", depot.ownerLevel, depot.name, team.id())
                    : Text.of("The {0} depot {1} does not serve team {2} (another unit)", depot.ownerLevel, depot.name, team.id()), null);
        }
    }

    private CallUp changed(CallUp callUp, String action, String... fields) {
        callUps.flush();
        ReserveDepot depot = depots.findById(callUp.depotId);
        audit.record("CallUp", callUp.id, action, depot.province != null ? depot.province : callUp.teamProvince, List.of(fields));
        return callUp;
    }
}
