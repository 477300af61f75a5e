package cn.rescueforce.assessment.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    @Column(name = "indicated_grade", nullable = false)
    public String indicatedGrade;

    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static class Score {
        public String indicatorCode;
        public String sectionCode;
        public double score;
        public double maxScore;
        public boolean vetoTriggered;
        public String source;
        public String comment;
        public List<String> evidence = new ArrayList<>();

        // JSON values are compared by content, so that reading a row never makes it look changed (and bump its version)
        @Override
        public boolean equals(Object o) {
            return o instanceof Score that && java.util.Objects.equals(indicatorCode, that.indicatorCode) && java.util.Objects.equals(sectionCode, that.sectionCode) && java.util.Objects.equals(score, that.score) && java.util.Objects.equals(maxScore, that.maxScore) && java.util.Objects.equals(vetoTriggered, that.vetoTriggered) && java.util.Objects.equals(source, that.source) && java.util.Objects.equals(comment, that.comment) && java.util.Objects.equals(evidence, that.evidence);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(indicatorCode, sectionCode, score, maxScore, vetoTriggered, source, comment, evidence);
        }
    }

    public static class EquipmentFigure {
        public String indicatorCode;
        public double compliancePercent;
        public double score;
        public Integer configurationVersion;
        public Integer overdueInspections;
        public Instant generatedAt;

        // JSON values are compared by content, so that reading a row never makes it look changed (and bump its version)
        @Override
        public boolean equals(Object o) {
            return o instanceof EquipmentFigure that && java.util.Objects.equals(indicatorCode, that.indicatorCode) && java.util.Objects.equals(compliancePercent, that.compliancePercent) && java.util.Objects.equals(score, that.score) && java.util.Objects.equals(configurationVersion, that.configurationVersion) && java.util.Objects.equals(overdueInspections, that.overdueInspections) && java.util.Objects.equals(generatedAt, that.generatedAt);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(indicatorCode, compliancePercent, score, configurationVersion, overdueInspections, generatedAt);
        }
    }
}
