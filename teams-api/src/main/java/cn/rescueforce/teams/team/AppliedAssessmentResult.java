package cn.rescueforce.teams.team;

import cn.rescueforce.teams.api.model.AssessmentType;
import cn.rescueforce.teams.api.model.Grade;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A finalized assessment's result as applied to the team. The assessment and its finalization time identify it:
 * every delivery after the first is a no-op, while a re-finalization after an appeal is a new result.
 */
@Entity
@Table(name = "applied_assessment_result")
@IdClass(AppliedAssessmentResult.Key.class)
public class AppliedAssessmentResult extends PanacheEntityBase {

    public record Key(UUID assessmentId, Instant finalizedAt) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Enumerated(EnumType.STRING)
    @Column(name = "assessment_type", nullable = false)
    public AssessmentType assessmentType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Grade grade;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Id
    @Column(name = "finalized_at", nullable = false)
    public Instant finalizedAt;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;
}
