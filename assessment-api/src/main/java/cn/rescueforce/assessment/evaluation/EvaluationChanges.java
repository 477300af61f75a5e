package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.assessment.assessment.Assessment;
import cn.rescueforce.assessment.assessment.AssessmentChanges;
import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Evaluations in the change feed. An evaluation is the one of its assessment (its id is the assessment's, as the audit
 * trail records it: {@link EvaluationService#submit}), represented as
 * {@code GET /api/v1/assessments/{assessmentId}/evaluation} answers it, to whoever reads that: the readers of the
 * assessment ({@link EvaluationService#get} answers 404 exactly where the assessment's read does), the levels of its
 * team's scope and the assigned assessor organisation.
 */
@ApplicationScoped
public class EvaluationChanges implements ChangeSource {

    @Inject
    EvaluationMapper mapper;

    @Override
    public String entityType() {
        return "Evaluation";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("evaluation.submitted", "evaluation.corrected");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("evaluation", action, eventTypes());
    }

    @Override
    public Representation represent(UUID assessmentId) {
        Evaluation evaluation = Evaluation.findById(assessmentId);
        Assessment assessment = Assessment.findById(assessmentId);
        if (evaluation == null || assessment == null) {
            return null;
        }
        ChangeSource.asStored(evaluation);
        Audience audience = AssessmentChanges.audienceOf(assessment);
        return Representation.of(mapper.toApi(evaluation), evaluation.version, audience);
    }
}
