package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.Incident;
import cn.rescueforce.teams.api.model.IncidentSeverity;
import cn.rescueforce.teams.api.model.MobilizationStatus;
import cn.rescueforce.teams.api.model.RescueTask;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.team.Team;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An order mobilizing a team for an incident. The issuing authority is responsible for it ("who mobilizes,
 * who is responsible"). The team's province, category and supporting unit are copied from the team (fixed
 * at registration) so that the scope rules apply to the order directly. It moves one step at a time,
 * ISSUED → ACKNOWLEDGED → EN_ROUTE → ON_SITE → COMPLETED, or is CANCELLED while open; each step is dated by the
 * server when it is posted, or at the time it happened when a team reports it later ({@link ReportedTime}): within
 * the late-report window, never ahead of the server's clock nor before the previous step, and flagged as reported
 * late. It belongs to an incident and assigns its team a task there.
 */
@Entity
@Table(name = "mobilization_order")
public class MobilizationOrder extends PanacheEntityBase {

    /** Statuses in which the order still holds its team; a team has at most one such order. */
    public static final Set<MobilizationStatus> OPEN = EnumSet.of(MobilizationStatus.ISSUED,
            MobilizationStatus.ACKNOWLEDGED, MobilizationStatus.EN_ROUTE, MobilizationStatus.ON_SITE);

    /** Reported times may run slightly ahead of the server's clock (a phone's clock); beyond that they are refused. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "incident_id", nullable = false)
    public UUID incidentId;

    /** The team's task at the incident (none on orders issued before incidents existed). */
    @Enumerated(EnumType.STRING)
    public RescueTask task;

    /** The steps reported after the fact, as {@code ,EN_ROUTE,ON_SITE,}; null when none. */
    @Column(name = "late_steps")
    public String lateSteps;

    /** The team's province. */
    @Column(nullable = false)
    public String province;

    /** The team's category. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamCategory category;

    /** The team's supporting unit. */
    @Column(name = "supporting_unit_id", nullable = false)
    public UUID supportingUnitId;

    @Column(name = "incident_type", nullable = false)
    public String incidentType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentSeverity severity;

    @Column(name = "incident_province", nullable = false)
    public String incidentProvince;

    @Column(name = "incident_lat", nullable = false)
    public double incidentLat;

    @Column(name = "incident_lon", nullable = false)
    public double incidentLon;

    @Column(name = "incident_address")
    public String incidentAddress;

    @Column(name = "incident_description", nullable = false)
    public String incidentDescription;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MobilizationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "issuer_level", nullable = false)
    public ManagementLevel issuerLevel;

    @Column(name = "issuer_region")
    public String issuerRegion;

    @Column(name = "issuer_org")
    public UUID issuerOrg;

    @Column(name = "issuer_sub", nullable = false)
    public String issuerSub;

    @Column(name = "alarm_at", nullable = false)
    public Instant alarmAt;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "departed_at")
    public Instant departedAt;

    @Column(name = "arrived_at")
    public Instant arrivedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * A new order for {@code team}, issued by {@code issuer} at {@code now}; the alarm is {@code now} unless
     * reported. The caller has checked that the issuer may mobilize the team for this incident.
     */
    public static MobilizationOrder issue(Team team, Incident incident, UUID incidentId, RescueTask task, Caller issuer, Instant now) {
        Instant alarmAt = alarmAt(incident, now);
        MobilizationOrder order = new MobilizationOrder();
        order.id = UUID.randomUUID();
        order.teamId = team.id;
        order.incidentId = incidentId;
        order.task = task;
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
        order.issuerLevel = issuer.level();
        order.issuerRegion = issuer.region();
        order.issuerOrg = issuer.org();
        order.issuerSub = issuer.sub();
        order.alarmAt = alarmAt;
        order.issuedAt = now;
        order.updatedAt = now;
        return order;
    }

    /**
     * A new order for {@code team} under an incident opened before; the team is alarmed when the order is issued. The
     * order's own incident facts (its former representation) are the incident's, in the team's province when the
     * incident concerns it. The caller has checked that the issuer may mobilize the team for this incident.
     */
    public static MobilizationOrder issue(Team team, cn.rescueforce.teams.incident.Incident incident, RescueTask task,
                                          Caller issuer, Instant now) {
        Incident facts = new Incident()
                .type(incident.type.name())
                .severity(incident.severity)
                .province(incident.concerns(team.province) ? team.province : incident.leadProvince)
                .location(new cn.rescueforce.teams.api.model.GeoPoint(incident.lat, incident.lon))
                .address(incident.address)
                .description(incident.description == null ? incident.title : incident.description);
        return issue(team, facts, incident.id, task, issuer, now);
    }

    /** When the alarm of an order issued with its own incident facts was raised: reported, or now. */
    public static Instant alarmAt(Incident incident, Instant now) {
        Instant at = incident.getAlarmAt() == null ? now : atDatabasePrecision(incident.getAlarmAt().toInstant());
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid("incident.alarmAt", Text.of("must not be in the future"));
        }
        return at;
    }

    /**
     * When a step happened as its poster says ({@code at} null: now, when posted), and the request field that said
     * it ({@code occurredAt}, or its former name {@code at}).
     */
    public record ReportedTime(OffsetDateTime at, String field) {

        public static final ReportedTime NOW = new ReportedTime(null, "occurredAt");
    }

    /** The team has received the order. */
    public void acknowledge(ReportedTime reported, Duration window, Instant now) {
        acknowledgedAt = advance(MobilizationStatus.ISSUED, MobilizationStatus.ACKNOWLEDGED, reported, window, now);
    }

    /** The team has left its base. */
    public void depart(ReportedTime reported, Duration window, Instant now) {
        departedAt = advance(MobilizationStatus.ACKNOWLEDGED, MobilizationStatus.EN_ROUTE, reported, window, now);
    }

    /** The team is at the incident. */
    public void arrive(ReportedTime reported, Duration window, Instant now) {
        arrivedAt = advance(MobilizationStatus.EN_ROUTE, MobilizationStatus.ON_SITE, reported, window, now);
    }

    /** The team's work at the incident is done. */
    public void complete(ReportedTime reported, Duration window, Instant now) {
        completedAt = advance(MobilizationStatus.ON_SITE, MobilizationStatus.COMPLETED, reported, window, now);
    }

    /** The steps reported after the fact, in the order they were taken. */
    public List<MobilizationStatus> lateReportedSteps() {
        if (lateSteps == null) {
            return List.of();
        }
        return Arrays.stream(lateSteps.split(",")).filter(s -> !s.isEmpty()).map(MobilizationStatus::valueOf).toList();
    }

    public boolean isReportedLate(MobilizationStatus step) {
        return lateSteps != null && lateSteps.contains("," + step.name() + ",");
    }

    /** Only the issuing authority (same level, region and organisation) or national cancels, and only an open order. */
    public void cancel(String reason, Caller by, Instant now) {
        if (!by.is(ManagementLevel.NATIONAL) && !isIssuedBy(by)) {
            throw ProblemException.forbidden(Text.of("Only the issuing authority ({0}{1}) or the national level may cancel this order", issuerLevel, (issuerRegion == null ? "" : " " + issuerRegion)));
        }
        if (!isOpen()) {
            throw ProblemException.invalidTransition(Text.of("The order is {0} and can no longer be cancelled", status));
        }
        status = MobilizationStatus.CANCELLED;
        cancelledAt = now;
        cancellationReason = reason.trim();
        updatedAt = now;
    }

    public boolean isIssuedBy(Caller caller) {
        return issuerLevel == caller.level() && Objects.equals(issuerRegion, caller.region())
                && Objects.equals(issuerOrg, caller.org());
    }

    public boolean isOpen() {
        return OPEN.contains(status);
    }

    /** The time of the last step taken: a later step cannot be dated before it. */
    public Instant lastStepAt() {
        if (arrivedAt != null) return arrivedAt;
        if (departedAt != null) return departedAt;
        if (acknowledgedAt != null) return acknowledgedAt;
        return alarmAt;
    }

    /**
     * One step forward, from exactly {@code from} to {@code to}; returns the step's time. A step reported with the
     * time it happened is accepted within {@code window} before now (a step remembered later is no measurement of a
     * response time), not in the future, not before the previous step; one more than the clock skew before now is
     * flagged as reported late.
     */
    private Instant advance(MobilizationStatus from, MobilizationStatus to, ReportedTime reported, Duration window, Instant now) {
        if (status != from) {
            throw ProblemException.invalidTransition(Text.of("The order is {0}; only an order {1} can become {2}", status, from, to));
        }
        Instant at = reported.at() == null ? now : atDatabasePrecision(reported.at().toInstant());
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid(reported.field(), Text.of("must not be in the future"));
        }
        if (at.isBefore(now.minus(window))) {
            throw ProblemException.invalid(reported.field(), Text.of("must be within the late-report window ({0}) before now: a step is reported when it happens, or late within that window", window));
        }
        if (at.isBefore(lastStepAt())) {
            throw ProblemException.invalid(reported.field(), Text.of("must not precede the previous step ({0})", lastStepAt()));
        }
        if (at.isBefore(now.minus(CLOCK_SKEW))) {
            lateSteps = (lateSteps == null ? "," : lateSteps) + to.name() + ",";
        }
        status = to;
        updatedAt = now;
        return at;
    }

    /** Times as PostgreSQL keeps them (microseconds), so that an order reads the same before and after a reload. */
    public static Instant atDatabasePrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * A team answers one order at a time: the service's check, under the team's lock, and the partial unique index
     * mobilization_order_one_open_per_team (V3) answer the same problem.
     */
    public static ProblemException openOrderExists() {
        return new ProblemException(409, "open-mobilization-exists", "Open mobilization order exists",
                Text.of("The team already has an open mobilization order; complete or cancel it first"), null);
    }
}
