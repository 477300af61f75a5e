package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.api.EvaluationsApi;
import cn.rescueforce.assessment.api.model.BatchOutcome;
import cn.rescueforce.assessment.api.model.EvaluationBatch;
import cn.rescueforce.assessment.api.model.EvaluationBatchItem;
import cn.rescueforce.assessment.api.model.EvaluationBatchItemResult;
import cn.rescueforce.assessment.api.model.EvaluationBatchResult;
import cn.rescueforce.assessment.api.model.EvaluationInput;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

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

    /** The request's, for the language of the items' problems. */
    @Context
    HttpHeaders headers;

    @Inject
    EvaluationMapper mapper;

    @Inject
    Scope scope;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response submitEvaluation(UUID assessmentId, EvaluationInput input, String ifMatch) {
        EvaluationService.Submission submission = service.submit(assessmentId, input, ifMatch);
        return ETags.ok(mapper.toApi(submission.evaluation()), submission.evaluation().version);
    }

    @Override
    public Response getEvaluation(UUID assessmentId, String ifNoneMatch) {
        Evaluation evaluation = service.get(assessmentId);
        return ETags.read(ifNoneMatch, evaluation.version, () -> mapper.toApi(evaluation));
    }

    /**
     * Each item in its own transaction, exactly as its PUT: valid items apply even when others are rejected. With an
     * {@code Idempotency-Key} the whole answer is kept: a retry answers every item's first outcome again.
     */
    @Override
    public Response submitEvaluations(EvaluationBatch batch, String idempotencyKey) {
        scope.requireLevel(List.of(ASSESSOR), Text.of("submit evaluations"));
        return idempotency.execute(idempotencyKey, batch, () -> submitEach(batch));
    }

    private Response submitEach(EvaluationBatch batch) {
        List<EvaluationBatchItemResult> results = new ArrayList<>();
        Language language = Language.of(headers);
        int accepted = 0;
        for (int index = 0; index < batch.getItems().size(); index++) {
            EvaluationBatchItem item = batch.getItems().get(index);
            EvaluationBatchItemResult result = new EvaluationBatchItemResult().index(index).assessmentId(item.getAssessmentId());
            try {
                EvaluationService.Submission submission = service.submitOnItsOwn(item.getAssessmentId(), item.getEvaluation(), item.getIfMatch());
                results.add(result.outcome(BatchOutcome.ACCEPTED).status(200).evaluationVersion(submission.evaluation().version));
                accepted++;
            } catch (ProblemException e) {
                results.add(result.outcome(BatchOutcome.REJECTED).status(e.status()).problem(mapper.problemOf(e, item.getAssessmentId(), language)));
            } catch (OptimisticLockException e) {
                results.add(result.outcome(BatchOutcome.REJECTED).status(412).problem(mapper.problemOf(
                        ProblemException.preconditionFailed("(changed concurrently)", String.valueOf(item.getIfMatch())), item.getAssessmentId(), language)));
            } catch (RuntimeException e) {
                LOG.errorf(e, "bulk evaluation item %d failed", index);
                results.add(result.outcome(BatchOutcome.REJECTED).status(500).problem(mapper.internalProblem(language)));
            }
        }
        return Response.ok(new EvaluationBatchResult().accepted(accepted).rejected(results.size() - accepted).results(results)).build();
    }
}
