package cn.rescueforce.assessment.assessment;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Assessments in the change feed: as {@code GET /api/v1/assessments/{assessmentId}} answers them, to whoever reads the
 * assessment ({@code Scope.maySee}): the levels whose team scope covers the assessed team (by the team facts the
 * assessment keeps), and the assessor organisation it is assigned to. The feed keeps the body a management level
 * reads; an assessor is shown it masked as its own read masks it ({@link AssessmentMapper#asAssessorReadsIt}).
 */
@ApplicationScoped
public class AssessmentChanges implements ChangeSource {

    @Inject
    AssessmentMapper mapper;

    @Override
    public String entityType() {
        return "Assessment";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("assessment.scheduled", "assessment.cancelled", "assessment.finalized", "assessment.appealed");
    }

    @Override
    public String eventType(String action) {
        return "assessment." + action.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Representation represent(UUID id) {
        Assessment assessment = Assessment.findById(id);
        if (assessment == null) {
            return null;
        }
        // as the database holds it, which is what its GET reads (timestamps to the microsecond)
        Assessment.getEntityManager().refresh(assessment);
        return Representation.of(mapper.toApi(assessment, false), assessment.version, audienceOf(assessment));
    }

    /** Who reads an assessment, and what belongs to it (its evaluation): {@code Scope.maySee}. */
    public static Audience audienceOf(Assessment assessment) {
        return Audience.team(assessment.teamProvince, assessment.isMining(), assessment.teamSupportingUnitId)
                .andAssessor(assessment.assessorOrgId);
    }
}
