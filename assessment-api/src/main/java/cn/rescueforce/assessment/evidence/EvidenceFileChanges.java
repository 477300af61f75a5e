package cn.rescueforce.assessment.evidence;

import cn.rescueforce.assessment.assessment.Assessment;
import cn.rescueforce.assessment.assessment.AssessmentChanges;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Evidence files in the change feed, as listing them answers each ({@code GET /api/v1/assessments/{assessmentId}/evidence}),
 * to whoever reads the assessment (Scope#maySee): the levels whose team scope covers the assessed team (the team facts
 * the assessment keeps) and the assessor organisation it is assigned to. A file never changes: one event, when it is
 * uploaded; its version is always 0.
 */
@ApplicationScoped
public class EvidenceFileChanges implements ChangeSource {

    @Inject
    EvidenceMapper mapper;

    @Override
    public String entityType() {
        return "EvidenceFile";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("evidence.uploaded");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("evidence", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        EvidenceFile file = EvidenceFile.findById(id); // immutable, so never read again: its time is kept at the database's precision from the start (EvidenceService)
        if (file == null) {
            return null;
        }
        Assessment assessment = Assessment.findById(file.assessmentId);
        return Representation.of(mapper.toApi(file), 0L,
                AssessmentChanges.audienceOf(assessment));
    }
}
