package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Provinces;
import cn.rescueforce.teams.api.model.Incident;
import cn.rescueforce.teams.api.model.MobilizationOrderInput;
import cn.rescueforce.teams.api.model.MobilizationStatus;
import cn.rescueforce.teams.incident.IncidentService;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamRepository;
import cn.rescueforce.teams.team.TeamService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/**
 * Mobilization under "who mobilizes, who is responsible": a level mobilizes the teams in its scope, the order
 * moves forward step by step ({@link MobilizationOrder}), only its issuing authority or national cancels it,
 * and the team's readiness follows (ON_MISSION while the order is open, RECOVERING after completion).
 */
@ApplicationScoped
public class MobilizationService {

    static final Map<String, String> SORTABLE = Map.of("issuedAt", "issuedAt", "status", "status", "alarmAt", "alarmAt");

    /** One forward step of an order, dated at the reported time or now. */
    @FunctionalInterface
    interface Step {
        void take(MobilizationOrder order, MobilizationOrder.ReportedTime reported, java.time.Duration window, Instant now);
    }

    @Inject
    MobilizationOrderRepository orders;

    @Inject
    TeamRepository teams;

    @Inject
    TeamService teamService;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Inject
    IncidentService incidents;

    @Inject
    MobilizationConfig config;

    public record Filter(UUID teamId, MobilizationStatus status, String province, OffsetDateTime issuedFrom,
                         OffsetDateTime issuedTo, UUID incidentId) {
    }

    @Transactional
    public MobilizationOrder issue(MobilizationOrderInput input) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("mobilize teams"));
        if ((input.getIncidentId() == null) == (input.getIncident() == null)) {
            throw ProblemException.invalid("incidentId", Text.of("name either an incident (incidentId) or the incident's facts (incident), not both"));
        }
        // the team row lock serialises orders to one team: the open-order check below cannot race
        Team team = scope.visible(teams.findForUpdate(input.getTeamId()), input.getTeamId());
        Caller caller = scope.caller();
        Instant now = now();
        MobilizationOrder order;
        if (input.getIncidentId() != null) {
            // the incident row lock keeps a closure from passing an order being issued
            cn.rescueforce.teams.incident.Incident incident = incidents.lockedForMobilization(input.getIncidentId());
            assertMayMobilize(team, incident);
            order = MobilizationOrder.issue(team, incident, input.getTask(), caller, now);
            incidents.teamEngaged(incident);
        } else {
            Incident facts = input.getIncident();
            assertMayMobilize(team, facts);
            Instant alarmAt = MobilizationOrder.alarmAt(facts, now);
            UUID incidentId = incidents.openForOrder(team, facts, alarmAt).id;
            order = MobilizationOrder.issue(team, facts, incidentId, input.getTask(), caller, now);
        }
        if (orders.hasOpenOrder(team.id)) {
            throw MobilizationOrder.openOrderExists();
        }
        orders.persist(order);
        orders.flush(); // the partial unique index is the last word on "one open order per team"
        audit.record("MobilizationOrder", order.id, "ISSUED", team.province,
                List.of("teamId", "incidentId", "incident", "task", "status", "issuedBy", "alarmAt", "issuedAt"));
        teamService.sendOnMission(team);
        return order;
    }

    /**
     * A level mobilizes the teams in its scope (checked when the team was read: 404 otherwise); an incident in
     * another province than the team's is a cross-province mobilization, which only national orders. The team
     * must be in the national sequence and available.
     */
    private void assertMayMobilize(Team team, Incident incident) {
        if (!Provinces.isKnown(incident.getProvince())) {
            throw ProblemException.invalid("incident.province", Text.of("unknown province code {0}", incident.getProvince()));
        }
        if (!scope.caller().is(NATIONAL) && !team.province.equals(incident.getProvince())) {
            throw ProblemException.forbidden(Text.of("Mobilizing a team of {0} for an incident in {1} is a cross-province mobilization, ordered by the national level only", team.province, incident.getProvince()));
        }
        team.assertMobilizable();
    }

    /**
     * Under an incident: a team of a province the incident does not concern is a cross-province mobilization
     * (national only); a unit mobilizes its own teams (its scope) for an incident at its own enterprise only.
     */
    private void assertMayMobilize(Team team, cn.rescueforce.teams.incident.Incident incident) {
        Caller caller = scope.caller();
        if (!caller.is(NATIONAL) && !incident.concerns(team.province)) {
            throw ProblemException.forbidden(Text.of("Mobilizing a team of {0} for an incident in {1} is a cross-province mobilization, ordered by the national level only", team.province, String.join(", ", incident.provinceList())));
        }
        if (caller.is(UNIT) && !caller.org().equals(incident.supportingUnitId)) {
            throw ProblemException.forbidden(Text.of("A unit mobilizes its teams only for incidents at its own enterprise"));
        }
        team.assertMobilizable();
    }

    public MobilizationOrder get(UUID id) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("read mobilization orders"));
        return visible(orders.findById(id), id);
    }

    public PanacheQuery<MobilizationOrder> list(Filter filter, PageRequest page) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("list mobilization orders"));
        Where where = scope.restrict(new Where(), "")
                .equal("teamId", filter.teamId())
                .equal("status", filter.status())
                .equal("province", filter.province())
                .equal("incidentId", filter.incidentId())
                .atLeast("issuedAt", filter.issuedFrom())
                .before("issuedAt", filter.issuedTo());
        return orders.search(where, page.sort()).page(page.panachePage());
    }

    /** The names of the orders' teams, by team id. */
    public Map<UUID, String> teamNames(Collection<MobilizationOrder> found) {
        return teamService.names(found.stream().map(o -> o.teamId).collect(Collectors.toSet()));
    }

    @Transactional
    public MobilizationOrder acknowledge(UUID id, MobilizationOrder.ReportedTime reported) {
        return advance(id, reported, MobilizationOrder::acknowledge, "acknowledgedAt");
    }

    @Transactional
    public MobilizationOrder depart(UUID id, MobilizationOrder.ReportedTime reported) {
        return advance(id, reported, MobilizationOrder::depart, "departedAt");
    }

    @Transactional
    public MobilizationOrder arrive(UUID id, MobilizationOrder.ReportedTime reported) {
        return advance(id, reported, MobilizationOrder::arrive, "arrivedAt");
    }

    /** The order is done, and its team recovers. */
    @Transactional
    public MobilizationOrder complete(UUID id, MobilizationOrder.ReportedTime reported) {
        MobilizationOrder order = advance(id, reported, MobilizationOrder::complete, "completedAt");
        teamService.recoverFromMission(order.teamId);
        return order;
    }

    /** The order is cancelled, and its team, if still on this mission, stands by again. */
    @Transactional
    public MobilizationOrder cancel(UUID id, String reason) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("cancel mobilization orders"));
        MobilizationOrder order = visible(orders.findForUpdate(id), id);
        order.cancel(reason, scope.caller(), now());
        orders.flush();
        audit.record("MobilizationOrder", order.id, "CANCELLED", order.province, List.of("status", "cancelledAt", "cancellationReason"));
        teamService.releaseFromMission(order.teamId);
        return order;
    }

    private MobilizationOrder advance(UUID id, MobilizationOrder.ReportedTime reported, Step step, String stepField) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("report mobilization steps"));
        MobilizationOrder order = visible(orders.findForUpdate(id), id);
        String lateBefore = order.lateSteps;
        step.take(order, reported, config.lateReportWindow(), now());
        orders.flush();
        audit.record("MobilizationOrder", order.id, order.status.name(), order.province,
                java.util.Objects.equals(lateBefore, order.lateSteps) ? List.of("status", stepField)
                        : List.of("status", stepField, "lateReportedSteps"));
        return order;
    }

    private MobilizationOrder visible(MobilizationOrder order, UUID id) {
        if (order == null || !scope.covers(order.province, order.category, order.supportingUnitId)) {
            throw ProblemException.notFound(Text.of("mobilization order"), id);
        }
        return order;
    }

    private static Instant now() {
        return MobilizationOrder.atDatabasePrecision(Instant.now());
    }

    static Sort defaultSort() {
        return Sort.by("issuedAt", Sort.Direction.Descending);
    }
}
