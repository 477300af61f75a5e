package cn.rescueforce.teams.agreement;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamColumns;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.kit.security.TeamSet;
import cn.rescueforce.teams.api.model.AgreementStatus;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.geo.GreatCircle;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A rescue service agreement: a small enterprise without its own team signs with a neighboring professional
 * team. The team's province, category and supporting unit are copied from the team (fixed at registration)
 * so that the scope rules apply to the agreement directly.
 * <p>
 * Lifecycle: {@code ACTIVE} → {@code EXPIRED} once its end has passed (the answer says so from the next day on;
 * {@link AgreementExpiry} records the transition, and publishes it, within its interval) or {@code TERMINATED} by
 * either party, with a reason. A renewal is a new agreement naming this one as its previous term.
 */
@Entity
@Table(name = "service_agreement")
public class ServiceAgreement extends PanacheEntityBase {

    /** The team facts of an agreement as a query sees them, with the enterprise's province in place of the team's. */
    public static final TeamColumns ENTERPRISE_AS_TEAM = TeamColumns.withCategory("enterpriseProvince", "category",
            TeamCategory.MINING, "supportingUnitId");

    @Id
    public UUID id;

    @Column(name = "enterprise_name", nullable = false)
    public String enterpriseName;

    @Column(name = "enterprise_credit_code", nullable = false)
    public String enterpriseCreditCode;

    @Column(name = "enterprise_province", nullable = false)
    public String enterpriseProvince;

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

    @Column(nullable = false)
    public String coverage;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementStatus status;

    @Column(name = "termination_reason")
    public String terminationReason;

    @Column(name = "terminated_at")
    public Instant terminatedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "terminated_by_level")
    public ManagementLevel terminatedByLevel;

    @Column(name = "expired_at")
    public Instant expiredAt;

    /** The agreement this one renews. */
    @Column(name = "previous_agreement_id")
    public UUID previousAgreementId;

    @Column(name = "enterprise_lat")
    public Double enterpriseLat;

    @Column(name = "enterprise_lon")
    public Double enterpriseLon;

    /** From the team's base to the enterprise, when its location is known. */
    @Column(name = "distance_km")
    public Double distanceKm;

    @Column(name = "beyond_distance_limit", nullable = false)
    public boolean beyondDistanceLimit;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * The team's scope, widened for a province's departments to the agreements of its own enterprises: an
     * agreement is in the scope that would cover its team, were the team in the enterprise's province.
     */
    public boolean isCoveredBy(TeamScope scope) {
        return scope.coversAny(teams());
    }

    /** The teams whose scope covers the agreement ({@link #isCoveredBy}): its team, and its team in the enterprise's province. */
    public TeamSet teams() {
        boolean mining = TeamScope.isMining(category);
        return TeamSet.of(province, mining, supportingUnitId).and(enterpriseProvince, mining, supportingUnitId);
    }

    /** Days until the agreement ends (0 on its last day), or null once it has ended or was terminated. */
    public Integer daysLeft(LocalDate today) {
        return status(today) != AgreementStatus.ACTIVE ? null : (int) ChronoUnit.DAYS.between(today, endsOn);
    }

    /** The status as of {@code today}: an active agreement whose end has passed is expired, recorded or not yet. */
    public AgreementStatus status(LocalDate today) {
        return status == AgreementStatus.ACTIVE && endsOn.isBefore(today) ? AgreementStatus.EXPIRED : status;
    }

    /** A new agreement's status: active, or expired already when its end has passed. */
    void start(LocalDate today) {
        status = endsOn.isBefore(today) ? AgreementStatus.EXPIRED : AgreementStatus.ACTIVE;
    }

    /** Where the enterprise is, and how far the team's base is from it; beyond {@code maxKm}, a warning. */
    void locate(Double lat, Double lon, double teamLat, double teamLon, double maxKm) {
        enterpriseLat = lat;
        enterpriseLon = lon;
        if (lat == null || lon == null) {
            distanceKm = null;
            beyondDistanceLimit = false;
            return;
        }
        distanceKm = GreatCircle.rounded(GreatCircle.km(teamLat, teamLon, lat, lon));
        beyondDistanceLimit = distanceKm > maxKm;
    }

    /** Whether the periods of the two agreements share a day. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !startsOn.isAfter(to) && !endsOn.isBefore(from);
    }

    /** Either party ends an active agreement before its end; 409 once it is expired or terminated. */
    public void terminate(String reason, Caller by, LocalDate today, Instant at) {
        AgreementStatus now = status(today);
        if (now != AgreementStatus.ACTIVE) {
            throw ProblemException.invalidTransition(Text.of("Only an ACTIVE agreement can be terminated; this one is {0}", now));
        }
        status = AgreementStatus.TERMINATED;
        terminationReason = reason.trim();
        terminatedAt = at;
        terminatedByLevel = by.level();
        updatedAt = at;
    }

    /** The expiry run records that the end has passed; whether it changed anything. */
    public boolean expire(LocalDate today, Instant at) {
        if (status != AgreementStatus.ACTIVE || !endsOn.isBefore(today)) {
            return false;
        }
        status = AgreementStatus.EXPIRED;
        expiredAt = at;
        updatedAt = at;
        return true;
    }

    /** A terminated agreement is not renewed (a new agreement is recorded instead). */
    public void assertRenewable() {
        if (status == AgreementStatus.TERMINATED) {
            throw ProblemException.invalidTransition(Text.of("A TERMINATED agreement is not renewed; record a new agreement instead"));
        }
    }

    /** 409: the enterprise has an active agreement with the team over the period already (renew it instead). */
    public static ProblemException overlapping(ServiceAgreement existing) {
        return new ProblemException(409, "agreement-overlap", "Overlapping agreement", Text.of("The enterprise already has an active agreement with this team from {0} to {1} (agreement {2})", existing.startsOn, existing.endsOn, existing.id), null);
    }

    /** 409: a term is renewed once. */
    public static ProblemException alreadyRenewed(UUID renewal) {
        return new ProblemException(409, "agreement-already-renewed", "Agreement already renewed",
                Text.of("This agreement was renewed already (agreement {0})", renewal), null);
    }
}
