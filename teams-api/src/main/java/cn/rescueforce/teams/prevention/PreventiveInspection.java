package cn.rescueforce.teams.prevention;

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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A team's preventive safety inspection at an enterprise (the policy's 预防性安全检查). The team's province, category
 * and supporting unit are copied from the team (fixed at registration) so that the scope rule applies to the row.
 * The hazards found by kind are {@link HazardFinding} rows; their sum is kept here for lists and totals.
 */
@Entity
@Table(name = "preventive_inspection")
public class PreventiveInspection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String province;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamCategory category;

    @Column(name = "supporting_unit_id", nullable = false)
    public UUID supportingUnitId;

    @Column(name = "enterprise_name", nullable = false)
    public String enterpriseName;

    @Column(name = "enterprise_credit_code", nullable = false)
    public String enterpriseCreditCode;

    @Column(name = "inspected_on", nullable = false)
    public LocalDate inspectedOn;

    @Column(name = "hazards_found", nullable = false)
    public int hazardsFound;

    @Column(name = "rectification_advice")
    public String rectificationAdvice;

    @Column(name = "follow_up_on")
    public LocalDate followUpOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** An inspection by {@code team}; the findings are recorded beside it ({@link HazardFinding#of}). */
    public static PreventiveInspection by(Team team, String enterpriseName, String creditCode, LocalDate inspectedOn,
                                          List<HazardFinding> findings, String advice, LocalDate followUpOn) {
        PreventiveInspection inspection = new PreventiveInspection();
        inspection.id = UUID.randomUUID();
        inspection.teamId = team.id;
        inspection.province = team.province;
        inspection.category = team.category;
        inspection.supportingUnitId = team.supportingUnitId;
        inspection.enterpriseName = enterpriseName.trim();
        inspection.enterpriseCreditCode = creditCode;
        inspection.inspectedOn = inspectedOn;
        inspection.hazardsFound = findings.stream().mapToInt(f -> f.found).sum();
        inspection.rectificationAdvice = advice;
        inspection.followUpOn = followUpOn;
        inspection.createdAt = Instant.now();
        findings.forEach(f -> f.inspectionId = inspection.id);
        return inspection;
    }
}
