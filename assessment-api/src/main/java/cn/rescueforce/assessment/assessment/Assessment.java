package cn.rescueforce.assessment.assessment;

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
import java.util.UUID;

/**
 * The assessment of one team against one standard version, fixed at scheduling. The team's identity,
 * province, category and supporting unit are copied from teams-api at scheduling: they decide who sees it.
 */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    public enum Status {
        SCHEDULED, SUBMITTED, FINALIZED, CANCELLED;

        public boolean isOpen() {
            return this == SCHEDULED || this == SUBMITTED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "team_code", nullable = false)
    public String teamCode;

    @Column(name = "team_name", nullable = false)
    public String teamName;

    @Column(name = "team_category", nullable = false)
    public String teamCategory;

    @Column(name = "team_province", nullable = false)
    public String teamProvince;

    @Column(name = "team_base_city")
    public String teamBaseCity;

    @Column(name = "team_supporting_unit_id", nullable = false)
    public UUID teamSupportingUnitId;

    @Column(nullable = false)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "standard_id", nullable = false)
    public UUID standardId;

    @Column(name = "standard_code", nullable = false)
    public String standardCode;

    @Column(name = "standard_version", nullable = false)
    public int standardVersion;

    @Column(name = "assessor_org_id", nullable = false)
    public UUID assessorOrgId;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    public String notes;

    @Column(name = "scheduled_at", nullable = false)
    public Instant scheduledAt;

    @Column(name = "scheduled_by_sub", nullable = false)
    public String scheduledBySub;

    @Column(name = "scheduled_by_level", nullable = false)
    public String scheduledByLevel;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "finalized_at")
    public Instant finalizedAt;

    @Column(name = "finalized_by_level")
    public String finalizedByLevel;

    @Column(name = "total_score")
    public Double totalScore;

    @Column(name = "max_total")
    public Double maxTotal;

    @Column(name = "veto_triggered")
    public Boolean vetoTriggered;

    public String grade;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** How many times it was finalized (an appeal allows a second); part of the result's idempotency key. */
    @Column(name = "finalization_round", nullable = false)
    public int finalizationRound;

    @Column(name = "appeal_reason")
    public String appealReason;

    @Column(name = "appealed_at")
    public Instant appealedAt;

    @Column(name = "appealed_by")
    public String appealedBy;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && dueOn.isBefore(today);
    }

    public boolean isMining() {
        return "MINING".equals(teamCategory);
    }
}
