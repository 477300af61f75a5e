package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.Provinces;
import cn.rescueforce.teams.api.model.Incident;
import cn.rescueforce.teams.api.model.MobilizationOrderInput;
import cn.rescueforce.teams.api.model.MobilizationStatus;
import cn.rescueforce.teams.api.model.Readiness;
import cn.rescueforce.teams.api.model.TeamStatus;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;

/**
 * Mobilization under "who mobilizes, who is responsible": a level mobilizes the teams in its scope, the order
 * moves forward step by step, only its issuing authority or national cancels it, and the team's readiness
 * follows (ON_MISSION while the order is open, RECOVERING after completion).
 */
@ApplicationScoped
public class MobilizationService {

    static final Map<String, String> SORTABLE = Map.of("issuedAt", "issuedAt", "status", "status", "alarmAt", "alarmAt");

    /** Reported times may run slightly ahead of the server's clock (a phone's clock); beyond that they are refused. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Inject
    MobilizationOrderRepository orders;

    @Inject
    TeamRepository teams;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    public record Filter(UUID teamId, MobilizationStatus status, String province, OffsetDateTime issuedFrom,
                         OffsetDateTime issuedTo) {
    }

    @Transactional
    public MobilizationOrder issue(MobilizationOrderInput input) {
        scope.requireLevel(Scope.TEAM_EDITORS, "mobilize teams");
        // the team row lock serialises orders to one team: the open-order check below cannot race
        Team team = scope.visible(teams.findForUpdate(input.getTeamId()), input.getTeamId());
        Incident incident = input.getIncident();
        assertMayMobilize(team, incident);
        Instant now = now();
        Instant alarmAt = incident.getAlarmAt() == null ? now : atDatabasePrecision(incident.getAlarmAt().toInstant());
        if (alarmAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("incident.alarmAt", "must not be in the future");
        }
        if (orders.hasOpenOrder(team.id)) {
            throw ProblemException.conflict("The team already has an open mobilization order; complete or cancel it first");
        }
        Caller caller = scope.caller();
        MobilizationOrder order = new MobilizationOrder();
        order.id = UUID.randomUUID();
        order.teamId = team.id;
        order.province = team.province;
        order.category = team.category;
        order.supportingUnitId = team.supportingUnitId;
        order.incidentType = incident.getType();
        order.severity = incident.getSeverity();
        order.incidentProvince = incident.getProvince();
        order.incidentLat = incident.getLocation().getLat();
        order.incidentLon = incident.getLocation().getLon();
        order.incidentAddress = incident.getAddress();
        order.incidentDescription = incident.getDescription().trim();
        order.status = MobilizationStatus.ISSUED;
        order.issuerLevel = caller.level();
        order.issuerRegion = caller.region();
        order.issuerOrg = caller.org();
        order.issuerSub = caller.sub();
        order.alarmAt = alarmAt;
        order.issuedAt = now;
        order.updatedAt = now;
        orders.persist(order);
        orders.flush(); // the partial unique index is the last word on "one open order per team"
        audit.record("MobilizationOrder", order.id, "ISSUED", team.province,
                List.of("teamId", "incident", "status", "issuedBy", "alarmAt", "issuedAt"));
        changeReadiness(team, Readiness.ON_MISSION);
        return order;
    }

    /**
     * A level mobilizes the teams in its scope (checked when the team was read: 404 otherwise); an incident in
     * another province than the team's is a cross-province mobilization, which only national orders. The team
     * must be in the national sequence and available.
     */
    private void assertMayMobilize(Team team, Incident incident) {
        if (!Provinces.isKnown(incident.getProvince())) {
            throw ProblemException.invalid("incident.province", "unknown province code " + incident.getProvince());
        }
        if (!scope.caller().is(NATIONAL) && !team.province.equals(incident.getProvince())) {
            throw ProblemException.forbidden("Mobilizing a team of " + team.province + " for an incident in "
                    + incident.getProvince() + " is a cross-province mobilization, ordered by the national level only");
        }
        if (team.status != TeamStatus.ACTIVE && team.status != TeamStatus.RECTIFICATION) {
            throw ProblemException.invalidTransition("A " + team.status + " team cannot be mobilized");
        }
        if (team.readiness == Readiness.UNAVAILABLE) {
            throw ProblemException.conflict("The team is UNAVAILABLE");
        }
    }

    public MobilizationOrder get(UUID id) {
        scope.requireLevel(Scope.TEAM_EDITORS, "read mobilization orders");
        return visible(orders.findById(id), id);
    }

    public PanacheQuery<MobilizationOrder> list(Filter filter, PageRequest page) {
        scope.requireLevel(Scope.TEAM_EDITORS, "list mobilization orders");
        Parameters params = new Parameters();
        List<String> where = new ArrayList<>();
        where.add(scope.visibleTeams("", params));
        if (filter.teamId() != null) {
            where.add("teamId = :teamId");
            params.and("teamId", filter.teamId());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.province() != null) {
            where.add("province = :province");
            params.and("province", filter.province());
        }
        if (filter.issuedFrom() != null) {
            where.add("issuedAt >= :issuedFrom");
            params.and("issuedFrom", filter.issuedFrom().toInstant());
        }
        if (filter.issuedTo() != null) {
            where.add("issuedAt < :issuedTo");
            params.and("issuedTo", filter.issuedTo().toInstant());
        }
        return orders.search(Scope.and(where.toArray(String[]::new)), page.sort(), params).page(page.panachePage());
    }

    /** One step forward, from exactly {@code from} to {@code to}; the time is now or the reported time. */
    @Transactional
    public MobilizationOrder advance(UUID id, MobilizationStatus from, MobilizationStatus to, OffsetDateTime reportedAt) {
        scope.requireLevel(Scope.TEAM_EDITORS, "report mobilization steps");
        MobilizationOrder order = visible(orders.findForUpdate(id), id);
        if (order.status != from) {
            throw ProblemException.invalidTransition("The order is " + order.status + "; only an order " + from
                    + " can become " + to);
        }
        Instant now = now();
        Instant at = reportedAt == null ? now : atDatabasePrecision(reportedAt.toInstant());
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("at", "must not be in the future");
        }
        if (at.isBefore(order.lastStepAt())) {
            throw ProblemException.invalid("at", "must not precede the previous step (" + order.lastStepAt() + ")");
        }
        switch (to) {
            case ACKNOWLEDGED -> order.acknowledgedAt = at;
            case EN_ROUTE -> order.departedAt = at;
            case ON_SITE -> order.arrivedAt = at;
            case COMPLETED -> order.completedAt = at;
            default -> throw new IllegalArgumentException("not a forward step: " + to);
        }
        order.status = to;
        order.updatedAt = now;
        orders.flush();
        audit.record("MobilizationOrder", order.id, to.name(), order.province, List.of("status", stepField(to)));
        if (to == MobilizationStatus.COMPLETED) {
            changeReadiness(teams.findForUpdate(order.teamId), Readiness.RECOVERING);
        }
        return order;
    }

    /** Only the issuing authority (same level, region and organisation) or national cancels an open order. */
    @Transactional
    public MobilizationOrder cancel(UUID id, String reason) {
        scope.requireLevel(Scope.TEAM_EDITORS, "cancel mobilization orders");
        MobilizationOrder order = visible(orders.findForUpdate(id), id);
        Caller caller = scope.caller();
        if (!caller.is(NATIONAL) && !isIssuingAuthority(order, caller)) {
            throw ProblemException.forbidden("Only the issuing authority (" + order.issuerLevel
                    + (order.issuerRegion == null ? "" : " " + order.issuerRegion) + ") or the national level may cancel this order");
        }
        if (!order.isOpen()) {
            throw ProblemException.invalidTransition("The order is " + order.status + " and can no longer be cancelled");
        }
        order.status = MobilizationStatus.CANCELLED;
        order.cancelledAt = now();
        order.cancellationReason = reason.trim();
        order.updatedAt = order.cancelledAt;
        orders.flush();
        audit.record("MobilizationOrder", order.id, "CANCELLED", order.province, List.of("status", "cancelledAt", "cancellationReason"));
        Team team = teams.findForUpdate(order.teamId);
        if (team.readiness == Readiness.ON_MISSION) {
            changeReadiness(team, Readiness.STANDBY);
        }
        return order;
    }

    /** Times as PostgreSQL keeps them (microseconds), so that an order reads the same before and after a reload. */
    private static Instant atDatabasePrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant now() {
        return atDatabasePrecision(Instant.now());
    }

    static boolean isIssuingAuthority(MobilizationOrder order, Caller caller) {
        return order.issuerLevel == caller.level() && Objects.equals(order.issuerRegion, caller.region())
                && Objects.equals(order.issuerOrg, caller.org());
    }

    private MobilizationOrder visible(MobilizationOrder order, UUID id) {
        if (order == null || !scope.caller().covers(order.province, order.category == cn.rescueforce.teams.api.model.TeamCategory.MINING,
                order.supportingUnitId)) {
            throw ProblemException.notFound("mobilization order", id);
        }
        return order;
    }

    private void changeReadiness(Team team, Readiness readiness) {
        if (team.readiness != readiness) {
            team.readiness = readiness;
            team.updatedAt = Instant.now();
            teams.flush();
            audit.record("Team", team.id, "READINESS_CHANGED", team.province, List.of("readiness"));
        }
    }

    private static String stepField(MobilizationStatus to) {
        return switch (to) {
            case ACKNOWLEDGED -> "acknowledgedAt";
            case EN_ROUTE -> "departedAt";
            case ON_SITE -> "arrivedAt";
            default -> "completedAt";
        };
    }

    static Sort defaultSort() {
        return Sort.by("issuedAt", Sort.Direction.Descending);
    }
}
