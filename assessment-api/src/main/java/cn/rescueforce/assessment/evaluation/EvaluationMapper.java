package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.assessment.api.model.EquipmentFigure;
import cn.rescueforce.assessment.api.model.FieldError;
import cn.rescueforce.assessment.api.model.IndicatorScore;
import cn.rescueforce.assessment.api.model.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import static cn.rescueforce.assessment.Utc.of;

/** Evaluations, and the problems of a bulk submission's items, as the API models of openapi/assessment-api.yaml. */
@ApplicationScoped
public class EvaluationMapper {

    public cn.rescueforce.assessment.api.model.Evaluation toApi(Evaluation evaluation) {
        EquipmentFigure equipment = evaluation.equipment == null ? null : new EquipmentFigure()
                .indicatorCode(evaluation.equipment.indicatorCode)
                .compliancePercent(evaluation.equipment.compliancePercent)
                .score(evaluation.equipment.score)
                .configurationVersion(evaluation.equipment.configurationVersion)
                .overdueInspections(evaluation.equipment.overdueInspections)
                .generatedAt(of(evaluation.equipment.generatedAt));
        return new cn.rescueforce.assessment.api.model.Evaluation()
                .assessmentId(evaluation.assessmentId)
                .leadAssessor(evaluation.leadAssessor)
                .comments(evaluation.comments)
                .scores(evaluation.scores.stream().map(s -> new IndicatorScore()
                        .indicatorCode(s.indicatorCode).sectionCode(s.sectionCode).score(s.score).maxScore(s.maxScore)
                        .vetoTriggered(s.vetoTriggered).source(s.source).comment(s.comment)
                        .evidence(s.evidence == null ? List.of() : s.evidence)
                        .evidenceFiles(s.evidenceFiles == null ? List.of() : s.evidenceFiles)).toList())
                .equipment(equipment)
                .totalScore(evaluation.totalScore)
                .maxTotal(evaluation.maxTotal)
                .vetoTriggered(evaluation.vetoTriggered)
                .indicatedGrade(evaluation.indicatedGrade)
                .submittedAt(of(evaluation.submittedAt))
                .updatedAt(of(evaluation.updatedAt))
                .version(evaluation.version);
    }

    /** The problem an item of a bulk submission was rejected with, as its own PUT would have answered. */
    public Problem problemOf(ProblemException e, UUID assessmentId, Language language) {
        return new Problem()
                .type(URI.create(e.type()))
                .title(e.title(language))
                .status(e.status())
                .detail(e.detail(language))
                .instance("/api/v1/assessments/" + assessmentId + "/evaluation")
                .errors(e.errors() == null ? null : e.errors(language).stream().map(f -> new FieldError().field(f.field()).message(f.message())).toList());
    }

    /** An item that failed for a reason of the server's own: nothing was stored for it. */
    public Problem internalProblem(Language language) {
        ProblemException internal = new ProblemException(500, "internal", "Internal error",
                Text.of("The item could not be stored; nothing was changed for it"), null);
        return new Problem()
                .type(URI.create(internal.type())).title(internal.title(language)).status(500)
                .detail(internal.detail(language));
    }
}
