package cn.rescueforce.assessment.assessment;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Assessments in the change feed: as {@code GET /api/v1/assessments/{assessmentId}} answers them, to whoever reads the
 * assessment ({@code Scope.maySee}): the levels whose team scope covers the assessed team (by the team facts the
 * assessment keeps), and the assessor organisation it is assigned to. The feed keeps the body a management level
 * reads; an assessor is shown it masked as its own read masks it ({@link #asSeenBy}).
 */
@ApplicationScoped
public class AssessmentChanges implements ChangeSource {

    @Inject
    AssessmentMapper mapper;

    @Inject
    ObjectMapper json;

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
        return ChangeSource.eventType("assessment", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        Assessment assessment = Assessment.findById(id);
        if (assessment == null) {
            return null;
        }
        ChangeSource.asStored(assessment);
        return Representation.of(mapper.toApi(assessment, false), assessment.version, audienceOf(assessment));
    }

    /** An assessor reads an assessment masked ({@link AssessmentMapper#asAssessorReadsIt}); the feed keeps it in full. */
    @Override
    public String asSeenBy(Caller reader, String data) {
        if (!reader.is(ManagementLevel.ASSESSOR)) {
            return data;
        }
        try {
            var assessment = json.readValue(data, cn.rescueforce.assessment.api.model.Assessment.class);
            return json.writeValueAsString(AssessmentMapper.asAssessorReadsIt(assessment));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the change feed's copy of an assessment does not read", e);
        }
    }

    /** Who reads an assessment, and what belongs to it (its evaluation): {@code Scope.maySee}. */
    public static Audience audienceOf(Assessment assessment) {
        return Audience.team(assessment.teamProvince, assessment.isMining(), assessment.teamSupportingUnitId)
                .andAssessor(assessment.assessorOrgId);
    }
}
