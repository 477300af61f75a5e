package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.IncidentSeverity;
import cn.rescueforce.teams.api.model.MobilizationStatus;
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
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * An order mobilizing a team for an incident. The issuing authority is responsible for it ("who mobilizes,
 * who is responsible"). The team's province, category and supporting unit are copied from the team (fixed
 * at registration) so that the scope rules apply to the order directly.
 */
@Entity
@Table(name = "mobilization_order")
public class MobilizationOrder extends PanacheEntityBase {

    /** Statuses in which the order still holds its team; a team has at most one such order. */
    public static final Set<MobilizationStatus> OPEN = EnumSet.of(MobilizationStatus.ISSUED,
            MobilizationStatus.ACKNOWLEDGED, MobilizationStatus.EN_ROUTE, MobilizationStatus.ON_SITE);

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
}
