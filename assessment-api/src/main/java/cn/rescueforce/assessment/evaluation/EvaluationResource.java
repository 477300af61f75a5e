package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.assessment.api.EvaluationsApi;
import cn.rescueforce.assessment.api.model.BatchOutcome;
import cn.rescueforce.assessment.api.model.EquipmentFigure;
import cn.rescueforce.assessment.api.model.EvaluationBatch;
import cn.rescueforce.assessment.api.model.EvaluationBatchItem;
import cn.rescueforce.assessment.api.model.EvaluationBatchItemResult;
import cn.rescueforce.assessment.api.model.EvaluationBatchResult;
import cn.rescueforce.assessment.api.model.EvaluationInput;
import cn.rescueforce.assessment.api.model.FieldError;
import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.IndicatorScore;
import cn.rescueforce.assessment.api.model.IndicatorSource;
import cn.rescueforce.assessment.api.model.Problem;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.ASSESSOR;

@ApplicationScoped
@Authenticated
public class EvaluationResource implements EvaluationsApi {

    private static final Logger LOG = Logger.getLogger(EvaluationResource.class);

    @Inject
    EvaluationService service;

    @Inject
    Scope scope;

    @Override
    public Response submitEvaluation(UUID assessmentId, EvaluationInput input, String ifMatch) {
        EvaluationService.Submission submission = service.submit(assessmentId, input, ifMatch);
        return ETags.ok(toApi(submission.evaluation()), submission.evaluation().version);
    }

    @Override
    public Response getEvaluation(UUID assessmentId, String ifNoneMatch) {
        Evaluation evaluation = service.get(assessmentId);
        return ETags.read(ifNoneMatch, evaluation.version, () -> toApi(evaluation));
    }

    /** Each item in its own transaction, exactly as its PUT: valid items apply even when others are rejected. */
    @Override
    public Response submitEvaluations(EvaluationBatch batch) {
        scope.requireLevel(List.of(ASSESSOR), "submit evaluations");
        List<EvaluationBatchItemResult> results = new ArrayList<>();
        int accepted = 0;
        for (int index = 0; index < batch.getItems().size(); index++) {
            EvaluationBatchItem item = batch.getItems().get(index);
            EvaluationBatchItemResult result = new EvaluationBatchItemResult().index(index).assessmentId(item.getAssessmentId());
            try {
                EvaluationService.Submission submission = service.submit(item.getAssessmentId(), item.getEvaluation(), item.getIfMatch());
                results.add(result.outcome(BatchOutcome.ACCEPTED).status(200).evaluationVersion(submission.evaluation().version));
                accepted++;
            } catch (ProblemException e) {
                results.add(result.outcome(BatchOutcome.REJECTED).status(e.status()).problem(problemOf(e, item.getAssessmentId())));
            } catch (OptimisticLockException e) {
                results.add(result.outcome(BatchOutcome.REJECTED).status(412).problem(problemOf(
                        ProblemException.preconditionFailed("(changed concurrently)", String.valueOf(item.getIfMatch())), item.getAssessmentId())));
            } catch (RuntimeException e) {
                LOG.errorf(e, "bulk evaluation item %d failed", index);
                results.add(result.outcome(BatchOutcome.REJECTED).status(500).problem(new Problem()
                        .type(URI.create(cn.rescueforce.kit.problem.Problem.TYPE_BASE + "internal")).title("Internal error").status(500)
                        .detail("The item could not be stored; nothing was changed for it")));
            }
        }
        return Response.ok(new EvaluationBatchResult().accepted(accepted).rejected(results.size() - accepted).results(results)).build();
    }

    private static Problem problemOf(ProblemException e, UUID assessmentId) {
        return new Problem()
                .type(URI.create(e.type()))
                .title(e.title())
                .status(e.status())
                .detail(e.getMessage())
                .instance("/api/v1/assessments/" + assessmentId + "/evaluation")
                .errors(e.errors() == null ? null : e.errors().stream().map(f -> new FieldError().field(f.field()).message(f.message())).toList());
    }

    static cn.rescueforce.assessment.api.model.Evaluation toApi(Evaluation evaluation) {
        EquipmentFigure equipment = evaluation.equipment == null ? null : new EquipmentFigure()
                .indicatorCode(evaluation.equipment.indicatorCode)
                .compliancePercent(evaluation.equipment.compliancePercent)
                .score(evaluation.equipment.score)
                .configurationVersion(evaluation.equipment.configurationVersion)
                .overdueInspections(evaluation.equipment.overdueInspections)
                .generatedAt(evaluation.equipment.generatedAt.atOffset(ZoneOffset.UTC));
        return new cn.rescueforce.assessment.api.model.Evaluation()
                .assessmentId(evaluation.assessmentId)
                .leadAssessor(evaluation.leadAssessor)
                .comments(evaluation.comments)
                .scores(evaluation.scores.stream().map(s -> new IndicatorScore()
                        .indicatorCode(s.indicatorCode).sectionCode(s.sectionCode).score(s.score).maxScore(s.maxScore)
                        .vetoTriggered(s.vetoTriggered).source(IndicatorSource.fromValue(s.source)).comment(s.comment)
                        .evidence(s.evidence == null ? List.of() : s.evidence)).toList())
                .equipment(equipment)
                .totalScore(evaluation.totalScore)
                .maxTotal(evaluation.maxTotal)
                .vetoTriggered(evaluation.vetoTriggered)
                .indicatedGrade(Grade.fromValue(evaluation.indicatedGrade))
                .submittedAt(evaluation.submittedAt.atOffset(ZoneOffset.UTC))
                .updatedAt(evaluation.updatedAt.atOffset(ZoneOffset.UTC))
                .version(evaluation.version);
    }
}
