package cn.rescueforce.teams.agreement;

import cn.rescueforce.kit.security.TeamColumns;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.TeamCategory;
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
        boolean mining = TeamScope.isMining(category);
        return scope.covers(province, mining, supportingUnitId) || scope.covers(enterpriseProvince, mining, supportingUnitId);
    }

    /** Days until the agreement ends (0 on its last day), or null once it has ended. */
    public Integer daysLeft(LocalDate today) {
        return endsOn.isBefore(today) ? null : (int) ChronoUnit.DAYS.between(today, endsOn);
    }
}
