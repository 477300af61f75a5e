package cn.rescueforce.assessment.assessment;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.api.model.AssessmentType;
import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.evaluation.Evaluation;
import cn.rescueforce.assessment.standard.Standard;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamScope;
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
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The assessment of one team against one standard version, fixed at scheduling. The team's identity,
 * province, category and supporting unit are copied from teams-api at scheduling: they decide who sees it.
 * Its life: SCHEDULED, SUBMITTED with the first evaluation, FINALIZED with a grade (an appeal puts it back to
 * SUBMITTED once), or CANCELLED while open.
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

    @Enumerated(EnumType.STRING)
    @Column(name = "team_category", nullable = false)
    public TeamCategory teamCategory;

    @Column(name = "team_province", nullable = false)
    public String teamProvince;

    @Column(name = "team_base_city")
    public String teamBaseCity;

    @Column(name = "team_supporting_unit_id", nullable = false)
    public UUID teamSupportingUnitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssessmentType type;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "scheduled_by_level", nullable = false)
    public ManagementLevel scheduledByLevel;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "finalized_at")
    public Instant finalizedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "finalized_by_level")
    public ManagementLevel finalizedByLevel;

    @Column(name = "total_score")
    public Double totalScore;

    @Column(name = "max_total")
    public Double maxTotal;

    @Column(name = "veto_triggered")
    public Boolean vetoTriggered;

    @Enumerated(EnumType.STRING)
    public Grade grade;

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

    /** The facts of the team an assessment keeps from teams-api, as they were at scheduling. */
    public record AssessedTeam(UUID id, String code, String name, TeamCategory category, String province, String baseCity,
                               UUID supportingUnitId) {
    }

    /** A new assessment of {@code team} against {@code standard}, which must be its category's published yardstick. */
    public static Assessment schedule(AssessedTeam team, AssessmentType type, Standard standard, UUID assessorOrgId,
                                      LocalDate dueOn, String notes, String bySub, ManagementLevel byLevel, Instant now) {
        standard.assertYardstickFor(team.category());
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.teamId = team.id();
        assessment.teamCode = team.code();
        assessment.teamName = team.name();
        assessment.teamCategory = team.category();
        assessment.teamProvince = team.province();
        assessment.teamBaseCity = team.baseCity();
        assessment.teamSupportingUnitId = team.supportingUnitId();
        assessment.type = type;
        assessment.status = Status.SCHEDULED;
        assessment.standardId = standard.id;
        assessment.standardCode = standard.code;
        assessment.standardVersion = standard.standardVersion;
        assessment.assessorOrgId = assessorOrgId;
        assessment.dueOn = dueOn;
        assessment.notes = notes;
        assessment.scheduledAt = now;
        assessment.scheduledBySub = bySub;
        assessment.scheduledByLevel = byLevel;
        assessment.createdAt = now;
        assessment.updatedAt = now;
        return assessment;
    }

    /** The evaluation is submitted and corrected while the assessment is open. */
    public void assertEvaluationMayChange() {
        if (!status.isOpen()) {
            throw ProblemException.invalidTransition(Text.of("The evaluation of a {0} assessment can no longer change", status));
        }
    }

    /** An evaluation was stored: the first one submits the assessment, a correction only touches it. */
    public void evaluationRecorded(Instant now) {
        assertEvaluationMayChange();
        if (status == Status.SCHEDULED) {
            status = Status.SUBMITTED;
            submittedAt = now;
        }
        updatedAt = now;
    }

    public void cancel(String reason, Instant now) {
        if (!status.isOpen()) {
            throw ProblemException.invalidTransition(Text.of("Only a SCHEDULED or SUBMITTED assessment can be cancelled; this one is {0}", status));
        }
        status = Status.CANCELLED;
        cancellationReason = reason.trim();
        updatedAt = now;
    }

    /**
     * Grades the submitted evaluation by the standard's thresholds. The level that rates decides: GRADE_1 only
     * national, the other grades any level that may finalize the team (its scope is checked before).
     * {@code evaluation} is read only once the assessment is known to be SUBMITTED (it has one then).
     */
    public void finalizeWith(Evaluation evaluation, Standard standard, ManagementLevel by, Instant now) {
        finalizeWith(evaluation, null, standard, by, now);
    }

    /**
     * As {@link #finalizeWith(Evaluation, Standard, ManagementLevel, Instant)}, decided on the evaluation the finalizer
     * read: {@code evaluationRead} is the evaluation's ETag they sent in {@code If-Match} (optional; null finalizes the
     * current evaluation), 412 when the assessor corrected it since (openapi/assessment-api.yaml, finalizeAssessment).
     */
    public void finalizeWith(Evaluation evaluation, String evaluationRead, Standard standard, ManagementLevel by, Instant now) {
        if (status != Status.SUBMITTED) {
            throw ProblemException.invalidTransition(Text.of("Only a SUBMITTED assessment can be finalized; this one is {0}", status));
        }
        if (evaluationRead != null) {
            ETags.requireMatch(evaluationRead, evaluation.version);
        }
        Grade decided = standard.gradeFor(evaluation.totalScore, evaluation.vetoTriggered);
        if (decided == Grade.GRADE_1 && by != ManagementLevel.NATIONAL) {
            throw ProblemException.forbidden(Text.of("This evaluation grades GRADE_1, which only the national level finalizes"));
        }
        List<String> withoutEvidence = evaluation.indicatorsWithoutEvidence(standard);
        if (!withoutEvidence.isEmpty()) {
            throw new ProblemException(409, "evidence-missing", "Evidence missing",
                    Text.of("Indicators requiring evidence have none in the evaluation: {0}", String.join(", ", withoutEvidence)),
                    withoutEvidence.stream().map(code -> new Problem.FieldError("scores[" + code + "].evidenceFiles",
                            Text.of("this indicator requires evidence; cite an uploaded evidence file"))).toList());
        }
        status = Status.FINALIZED;
        finalizedAt = now;
        finalizedByLevel = by;
        totalScore = evaluation.totalScore;
        maxTotal = evaluation.maxTotal;
        vetoTriggered = evaluation.vetoTriggered;
        grade = decided;
        validUntil = standard.validUntil(decided, now.atOffset(ZoneOffset.UTC).toLocalDate());
        finalizationRound++;
        updatedAt = now;
    }

    /** The hosting unit may appeal a finalized result once; the assessment goes back under review. */
    public void appeal(String reason, String bySub, Instant now) {
        if (status != Status.FINALIZED) {
            throw ProblemException.invalidTransition(Text.of("Only a FINALIZED assessment can be appealed; this one is {0}", status));
        }
        if (appealedAt != null) {
            throw new ProblemException(409, "already-appealed", "Assessment already appealed",
                    Text.of("Assessment {0} was appealed already; an assessment is appealed once", id), null);
        }
        status = Status.SUBMITTED;
        appealReason = reason.trim();
        appealedAt = now;
        appealedBy = bySub;
        // under review again: the result is decided anew at the next finalization
        grade = null;
        validUntil = null;
        totalScore = null;
        vetoTriggered = null;
        finalizedAt = null;
        finalizedByLevel = null;
        updatedAt = now;
    }

    public boolean isOverdue(LocalDate today) {
        return status.isOpen() && dueOn.isBefore(today);
    }

    public boolean isMining() {
        return TeamScope.isMining(teamCategory);
    }
}
