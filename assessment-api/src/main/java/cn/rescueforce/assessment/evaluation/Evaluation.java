package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.IndicatorSource;
import cn.rescueforce.assessment.standard.Standard;
import cn.rescueforce.assessment.standard.StandardSection;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The assessor's scores of one assessment, with the equipment figure used; correctable until finalized. */
@Entity
@Table(name = "evaluation")
public class Evaluation extends PanacheEntityBase {

    @Id
    @Column(name = "assessment_id")
    public UUID assessmentId;

    @Column(name = "lead_assessor")
    public String leadAssessor;

    public String comments;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<Score> scores = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public EquipmentFigure equipment;

    /** Hash of what the assessor sent, so the same evaluation sent again changes nothing. */
    @Column(name = "input_hash", nullable = false)
    public String inputHash;

    @Column(name = "total_score", nullable = false)
    public double totalScore;

    @Column(name = "max_total", nullable = false)
    public double maxTotal;

    @Column(name = "veto_triggered", nullable = false)
    public boolean vetoTriggered;

    @Enumerated(EnumType.STRING)
    @Column(name = "indicated_grade", nullable = false)
    public Grade indicatedGrade;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The first evaluation of an assessment; {@link #record} fills it. */
    public static Evaluation first(UUID assessmentId, Instant now) {
        Evaluation evaluation = new Evaluation();
        evaluation.assessmentId = assessmentId;
        evaluation.submittedAt = now;
        return evaluation;
    }

    /**
     * Keeps what the assessor sent (checked against {@code standard}) with the equipment figure, in the
     * standard's order, and decides the totals: the sum of the scores, whether any veto was triggered and the
     * grade the standard's thresholds indicate (the grade is decided at finalization).
     */
    public void record(List<Score> checkedScores, EquipmentFigure equipmentFigure, String leadAssessor, String comments,
                       String inputHash, Standard standard, String bySub, Instant now) {
        List<Score> ordered = new ArrayList<>(checkedScores);
        ordered.sort(Comparator.comparing((Score s) -> standard.positionOf(s.indicatorCode)));
        this.scores = ordered;
        this.equipment = equipmentFigure;
        this.leadAssessor = leadAssessor;
        this.comments = comments;
        this.inputHash = inputHash;
        this.totalScore = round2(ordered.stream().mapToDouble(s -> s.score).sum());
        this.maxTotal = standard.maxTotal;
        this.vetoTriggered = ordered.stream().anyMatch(s -> s.vetoTriggered);
        this.indicatedGrade = standard.gradeFor(totalScore, vetoTriggered);
        this.submittedBy = bySub;
        this.updatedAt = now;
    }

    /**
     * The indicators {@code standard} requires evidence for whose line cites none, in the standard's order: the
     * finalization refuses the evaluation while there are any (openapi/assessment-api.yaml, finalizeAssessment).
     */
    public List<String> indicatorsWithoutEvidence(Standard standard) {
        return standard.indicators().stream()
                .filter(indicator -> indicator.evidenceRequired && !indicator.fromEquipment())
                .map(indicator -> indicator.code)
                .filter(code -> scores.stream().noneMatch(s -> code.equals(s.indicatorCode) && s.citesEvidence()))
                .toList();
    }

    /** Totals and the equipment score are kept to two decimals. */
    static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }

    public static class Score {

        /** The equipment indicator's line, scored from the figure equipment-api reported. */
        static Score fromEquipment(StandardSection.Indicator indicator, String sectionCode, EquipmentFigure figure) {
            Score score = new Score();
            score.indicatorCode = indicator.code;
            score.sectionCode = sectionCode;
            score.score = figure.score;
            score.maxScore = indicator.maxScore;
            score.source = indicator.source;
            score.comment = "达标率 " + EvaluationCheck.plain(figure.compliancePercent) + "%（装备符合性报告）";
            return score;
        }

        public String indicatorCode;
        public String sectionCode;
        public double score;
        public double maxScore;
        public boolean vetoTriggered;
        public IndicatorSource source;
        public String comment;
        public List<String> evidence = new ArrayList<>();
        /** Evidence files of the assessment cited (ids); empty in evaluations stored before evidence files existed. */
        public List<UUID> evidenceFiles = new ArrayList<>();

        /** Whether the line cites any evidence: an uploaded file or a reference to evidence the assessor holds. */
        boolean citesEvidence() {
            return (evidence != null && !evidence.isEmpty()) || (evidenceFiles != null && !evidenceFiles.isEmpty());
        }

        // JSON values are compared by content, so that reading a row never makes it look changed (and bump its version)
        @Override
        public boolean equals(Object o) {
            return o instanceof Score that && Objects.equals(indicatorCode, that.indicatorCode) && Objects.equals(sectionCode, that.sectionCode) && Objects.equals(score, that.score) && Objects.equals(maxScore, that.maxScore) && Objects.equals(vetoTriggered, that.vetoTriggered) && Objects.equals(source, that.source) && Objects.equals(comment, that.comment) && Objects.equals(evidence, that.evidence) && Objects.equals(evidenceFiles, that.evidenceFiles);
        }

        @Override
        public int hashCode() {
            return Objects.hash(indicatorCode, sectionCode, score, maxScore, vetoTriggered, source, comment, evidence, evidenceFiles);
        }
    }

    public static class EquipmentFigure {

        /** The figure for {@code indicator}: its maximum score times the compliance percentage. */
        static EquipmentFigure of(StandardSection.Indicator indicator, double compliancePercent, Integer configurationVersion,
                                  Integer overdueInspections, Instant generatedAt) {
            EquipmentFigure figure = new EquipmentFigure();
            figure.indicatorCode = indicator.code;
            figure.compliancePercent = compliancePercent;
            figure.score = round2(indicator.maxScore * compliancePercent / 100.0);
            figure.configurationVersion = configurationVersion;
            figure.overdueInspections = overdueInspections;
            figure.generatedAt = generatedAt;
            return figure;
        }

        public String indicatorCode;
        public double compliancePercent;
        public double score;
        public Integer configurationVersion;
        public Integer overdueInspections;
        public Instant generatedAt;

        // JSON values are compared by content, so that reading a row never makes it look changed (and bump its version)
        @Override
        public boolean equals(Object o) {
            return o instanceof EquipmentFigure that && Objects.equals(indicatorCode, that.indicatorCode) && Objects.equals(compliancePercent, that.compliancePercent) && Objects.equals(score, that.score) && Objects.equals(configurationVersion, that.configurationVersion) && Objects.equals(overdueInspections, that.overdueInspections) && Objects.equals(generatedAt, that.generatedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(indicatorCode, compliancePercent, score, configurationVersion, overdueInspections, generatedAt);
        }
    }
}
