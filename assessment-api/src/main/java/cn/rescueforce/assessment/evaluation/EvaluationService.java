package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.api.model.EvaluationInput;
import cn.rescueforce.assessment.api.model.IndicatorScoreInput;
import cn.rescueforce.assessment.assessment.Assessment;
import cn.rescueforce.assessment.assessment.AssessmentRepository;
import cn.rescueforce.assessment.equipment.EquipmentCompliance;
import cn.rescueforce.assessment.evidence.EvidenceFileRepository;
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

    @Inject
    EvidenceFileRepository evidenceFiles;

    /** The outcome of a submission: the evaluation, and whether it changed anything. */
    public record Submission(Evaluation evaluation, boolean changed) {
    }

    @Transactional
    public Submission submit(UUID assessmentId, EvaluationInput input, String ifMatch) {
        scope.requireLevel(List.of(ASSESSOR), Text.of("submit evaluations"));
        Assessment assessment = scope.visible(assessments.findForUpdate(assessmentId), assessmentId);
        assessment.assertEvaluationMayChange();
        Standard standard = standards.findById(assessment.standardId);
        List<Evaluation.Score> scores = EvaluationCheck.scoresOf(standard, input);
        EvaluationCheck.requireOwnFiles(input, evidenceFiles.idsOf(assessmentId, EvaluationCheck.citedFiles(input)));
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
            evaluation = Evaluation.first(assessmentId, now);
        }
        Evaluation.EquipmentFigure figure = null;
        StandardSection.Indicator equipmentIndicator = standard.equipmentIndicator().orElse(null);
        if (equipmentIndicator != null) {
            figure = equipmentFigure(equipmentIndicator, assessment);
            scores.add(Evaluation.Score.fromEquipment(equipmentIndicator, standard.sectionOf(equipmentIndicator.code), figure));
        }
        evaluation.record(scores, figure, input.getLeadAssessor(), input.getComments(), hash, standard, scope.caller().sub(), now);
        if (first) {
            evaluation.persist();
        }
        assessment.evaluationRecorded(now);
        Evaluation.flush();
        audit.record("Evaluation", assessmentId, first ? "SUBMITTED" : "CORRECTED", assessment.teamProvince,
                List.of("scores", "comments", "leadAssessor", "equipment", "totalScore"));
        return new Submission(evaluation, true);
    }

    /**
     * One item of a bulk submission, committed or rolled back on its own whatever transaction the batch runs in (the
     * one of its {@code Idempotency-Key}), so that one rejected item never takes the others with it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Submission submitOnItsOwn(UUID assessmentId, EvaluationInput input, String ifMatch) {
        return submit(assessmentId, input, ifMatch);
    }

    public Evaluation get(UUID assessmentId) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT, ASSESSOR), Text.of("read evaluations"));
        scope.visible(assessments.findById(assessmentId), assessmentId);
        Evaluation evaluation = Evaluation.findById(assessmentId);
        if (evaluation == null) {
            throw ProblemException.notFound(Text.of("evaluation of assessment"), assessmentId);
        }
        return evaluation;
    }

    /** The equipment indicator's figure, read now from equipment-api and kept with the evaluation. */
    private Evaluation.EquipmentFigure equipmentFigure(StandardSection.Indicator indicator, Assessment assessment) {
        EquipmentCompliance.Figure report = equipment.of(assessment.teamId);
        return Evaluation.EquipmentFigure.of(indicator, report.compliancePercent(), report.configurationVersion(),
                report.overdueInspections(), report.generatedAt());
    }

    /** What the assessor sent, in a canonical form: the same evaluation sent again hashes the same. */
    private String hashOf(EvaluationInput input) {
        List<Map<String, Object>> scores = new ArrayList<>();
        input.getScores().stream().sorted(Comparator.comparing(IndicatorScoreInput::getIndicatorCode)).forEach(s -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("code", s.getIndicatorCode());
            line.put("score", s.getScore());
            line.put("veto", Boolean.TRUE.equals(s.getVetoTriggered()));
            line.put("comment", s.getComment());
            line.put("evidence", s.getEvidence() == null ? List.of() : s.getEvidence());
            line.put("evidenceFiles", s.getEvidenceFiles() == null ? List.of() : s.getEvidenceFiles());
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
}
