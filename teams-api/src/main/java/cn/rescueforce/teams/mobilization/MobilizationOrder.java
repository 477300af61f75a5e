package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.Incident;
import cn.rescueforce.teams.api.model.IncidentSeverity;
import cn.rescueforce.teams.api.model.MobilizationStatus;
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
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An order mobilizing a team for an incident. The issuing authority is responsible for it ("who mobilizes,
 * who is responsible"). The team's province, category and supporting unit are copied from the team (fixed
 * at registration) so that the scope rules apply to the order directly. It moves one step at a time,
 * ISSUED → ACKNOWLEDGED → EN_ROUTE → ON_SITE → COMPLETED, or is CANCELLED while open; each step is dated
 * now or at the reported time, which may not run ahead of the server's clock nor precede the previous step.
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
    public static MobilizationOrder issue(Team team, Incident incident, Caller issuer, Instant now) {
        Instant alarmAt = reported(incident.getAlarmAt(), now, "incident.alarmAt");
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
        order.issuerLevel = issuer.level();
        order.issuerRegion = issuer.region();
        order.issuerOrg = issuer.org();
        order.issuerSub = issuer.sub();
        order.alarmAt = alarmAt;
        order.issuedAt = now;
        order.updatedAt = now;
        return order;
    }

    /** The team has received the order. */
    public void acknowledge(OffsetDateTime reportedAt, Instant now) {
        acknowledgedAt = advance(MobilizationStatus.ISSUED, MobilizationStatus.ACKNOWLEDGED, reportedAt, now);
    }

    /** The team has left its base. */
    public void depart(OffsetDateTime reportedAt, Instant now) {
        departedAt = advance(MobilizationStatus.ACKNOWLEDGED, MobilizationStatus.EN_ROUTE, reportedAt, now);
    }

    /** The team is at the incident. */
    public void arrive(OffsetDateTime reportedAt, Instant now) {
        arrivedAt = advance(MobilizationStatus.EN_ROUTE, MobilizationStatus.ON_SITE, reportedAt, now);
    }

    /** The team's work at the incident is done. */
    public void complete(OffsetDateTime reportedAt, Instant now) {
        completedAt = advance(MobilizationStatus.ON_SITE, MobilizationStatus.COMPLETED, reportedAt, now);
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

    /** One step forward, from exactly {@code from} to {@code to}; returns the step's time. */
    private Instant advance(MobilizationStatus from, MobilizationStatus to, OffsetDateTime reportedAt, Instant now) {
        if (status != from) {
            throw ProblemException.invalidTransition(Text.of("The order is {0}; only an order {1} can become {2}", status, from, to));
        }
        Instant at = reported(reportedAt, now, "at");
        if (at.isBefore(lastStepAt())) {
            throw ProblemException.invalid("at", Text.of("must not precede the previous step ({0})", lastStepAt()));
        }
        status = to;
        updatedAt = now;
        return at;
    }

    /** A reported time at the database's precision, or {@code now} when none is reported; 400 when in the future. */
    private static Instant reported(OffsetDateTime reportedAt, Instant now, String field) {
        Instant at = reportedAt == null ? now : atDatabasePrecision(reportedAt.toInstant());
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalid(field, Text.of("must not be in the future"));
        }
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
