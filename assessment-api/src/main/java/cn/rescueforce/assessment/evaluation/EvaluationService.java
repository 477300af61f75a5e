package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.assessment.api.model.EvaluationInput;
import cn.rescueforce.assessment.api.model.IndicatorScoreInput;
import cn.rescueforce.assessment.assessment.Assessment;
import cn.rescueforce.assessment.assessment.AssessmentRepository;
import cn.rescueforce.assessment.equipment.EquipmentCompliance;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.assessment.standard.Standard;
import cn.rescueforce.assessment.standard.StandardRepository;
import cn.rescueforce.assessment.standard.StandardSection;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.ASSESSOR;
import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/** Assessors submit and correct evaluations of the assessments assigned to their organisation, until finalized. */
@ApplicationScoped
public class EvaluationService {

    @Inject
    AssessmentRepository assessments;

    @Inject
    StandardRepository standards;

    @Inject
    EquipmentCompliance equipment;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    /** The outcome of a submission: the evaluation, and whether it changed anything. */
    public record Submission(Evaluation evaluation, boolean changed) {
    }

    @Transactional
    public Submission submit(UUID assessmentId, EvaluationInput input, String ifMatch) {
        scope.requireLevel(List.of(ASSESSOR), "submit evaluations");
        Assessment assessment = scope.visible(assessments.findForUpdate(assessmentId), assessmentId);
        if (!assessment.status.isOpen()) {
            throw ProblemException.invalidTransition("The evaluation of a " + assessment.status + " assessment can no longer change");
        }
        Standard standard = standards.findById(assessment.standardId);
        List<Evaluation.Score> scores = EvaluationCheck.scoresOf(standard, input);
        String hash = hashOf(input);
        Evaluation evaluation = Evaluation.findById(assessmentId);
        if (evaluation != null && evaluation.inputHash.equals(hash)) {
            return new Submission(evaluation, false); // the same evaluation again: idempotent
        }
        if (evaluation != null) {
            ETags.requireMatch(ifMatch, evaluation.version);
        }
        Instant now = Instant.now();
        boolean first = evaluation == null;
        if (first) {
            evaluation = new Evaluation();
            evaluation.assessmentId = assessmentId;
            evaluation.submittedAt = now;
        }
        EquipmentFigureAndScore figure = equipmentFigure(standard, assessment);
        if (figure != null) {
            scores.add(figure.score());
            evaluation.equipment = figure.figure();
        } else {
            evaluation.equipment = null;
        }
        scores.sort(Comparator.comparing((Evaluation.Score s) -> indexOf(standard, s.indicatorCode)));
        evaluation.scores = scores;
        evaluation.leadAssessor = input.getLeadAssessor();
        evaluation.comments = input.getComments();
        evaluation.inputHash = hash;
        evaluation.totalScore = round2(scores.stream().mapToDouble(s -> s.score).sum());
        evaluation.maxTotal = standard.maxTotal;
        evaluation.vetoTriggered = scores.stream().anyMatch(s -> s.vetoTriggered);
        evaluation.indicatedGrade = standard.gradeFor(evaluation.totalScore, evaluation.vetoTriggered);
        evaluation.submittedBy = scope.caller().sub();
        evaluation.updatedAt = now;
        if (first) {
            evaluation.persist();
        }
        if (assessment.status == Assessment.Status.SCHEDULED) {
            assessment.status = Assessment.Status.SUBMITTED;
            assessment.submittedAt = now;
        }
        assessment.updatedAt = now;
        Evaluation.flush();
        audit.record("Evaluation", assessmentId, first ? "SUBMITTED" : "CORRECTED", assessment.teamProvince,
                List.of("scores", "comments", "leadAssessor", "equipment", "totalScore"));
        return new Submission(evaluation, true);
    }

    public Evaluation get(UUID assessmentId) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT, ASSESSOR), "read evaluations");
        scope.visible(assessments.findById(assessmentId), assessmentId);
        Evaluation evaluation = Evaluation.findById(assessmentId);
        if (evaluation == null) {
            throw ProblemException.notFound("evaluation of assessment", assessmentId);
        }
        return evaluation;
    }

    private record EquipmentFigureAndScore(Evaluation.EquipmentFigure figure, Evaluation.Score score) {
    }

    /** The equipment indicator, filled now from equipment-api; the figure is kept with the evaluation. */
    private EquipmentFigureAndScore equipmentFigure(Standard standard, Assessment assessment) {
        StandardSection.Indicator indicator = standard.indicators().stream().filter(StandardSection.Indicator::fromEquipment)
                .findFirst().orElse(null);
        if (indicator == null) {
            return null;
        }
        EquipmentCompliance.Figure report = equipment.of(assessment.teamId);
        Evaluation.EquipmentFigure figure = new Evaluation.EquipmentFigure();
        figure.indicatorCode = indicator.code;
        figure.compliancePercent = report.compliancePercent();
        figure.score = round2(indicator.maxScore * report.compliancePercent() / 100.0);
        figure.configurationVersion = report.configurationVersion();
        figure.overdueInspections = report.overdueInspections();
        figure.generatedAt = report.generatedAt();
        Evaluation.Score score = new Evaluation.Score();
        score.indicatorCode = indicator.code;
        score.sectionCode = standard.sectionOf(indicator.code);
        score.score = figure.score;
        score.maxScore = indicator.maxScore;
        score.source = indicator.source;
        score.comment = "达标率 " + EvaluationCheck.plain(report.compliancePercent()) + "%（装备符合性报告）";
        return new EquipmentFigureAndScore(figure, score);
    }

    private static int indexOf(Standard standard, String indicatorCode) {
        List<StandardSection.Indicator> all = standard.indicators();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).code.equals(indicatorCode)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private String hashOf(EvaluationInput input) {
        List<Map<String, Object>> scores = new ArrayList<>();
        input.getScores().stream().sorted(Comparator.comparing(IndicatorScoreInput::getIndicatorCode)).forEach(s -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", s.getIndicatorCode());
            line.put("score", s.getScore());
            line.put("veto", Boolean.TRUE.equals(s.getVetoTriggered()));
            line.put("comment", s.getComment());
            line.put("evidence", s.getEvidence() == null ? List.of() : s.getEvidence());
            scores.add(line);
        });
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("leadAssessor", input.getLeadAssessor());
        canonical.put("comments", input.getComments());
        canonical.put("scores", scores);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round2(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
