package cn.rescueforce.assessment.assessment;

import cn.rescueforce.assessment.api.AssessmentsApi;
import cn.rescueforce.assessment.api.model.AssessmentPage;
import cn.rescueforce.assessment.api.model.AssessmentSchedule;
import cn.rescueforce.assessment.api.model.AssessmentStatus;
import cn.rescueforce.assessment.api.model.AssessmentType;
import cn.rescueforce.assessment.api.model.Decision;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class AssessmentResource implements AssessmentsApi {

    @Inject
    AssessmentService service;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    AssessmentMapper mapper;

    @Override
    public Response scheduleAssessment(AssessmentSchedule input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            Assessment assessment = service.schedule(input);
            return ETags.created(URI.create("/api/v1/assessments/" + assessment.id), mapper.toApi(assessment), assessment.version);
        });
    }

    @Override
    public Response getAssessment(UUID assessmentId, String ifNoneMatch) {
        Assessment assessment = service.get(assessmentId);
        return ETags.read(ifNoneMatch, assessment.version, () -> mapper.toApi(assessment));
    }

    @Override
    public Response listAssessments(Integer page, Integer size, String sort, UUID teamId, AssessmentStatus status, AssessmentType type,
                                    String province, TeamCategory category, Boolean overdue, Integer dueWithinDays) {
        PageRequest request = PageRequest.of(page, size, sort, AssessmentService.SORTABLE, AssessmentService.defaultSort());
        PanacheQuery<Assessment> found = service.list(teamId, status, type, province, category, overdue, dueWithinDays, request);
        return Response.ok(new AssessmentPage(found.list().stream().map(mapper::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response cancelAssessment(UUID assessmentId, Decision decision, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, decision, () -> respond(service.cancel(assessmentId, decision.getReason())));
    }

    /** {@code If-Match} carries the evaluation's ETag, not the assessment's (openapi/assessment-api.yaml, finalizeAssessment). */
    @Override
    public Response finalizeAssessment(UUID assessmentId, String ifMatch, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, ifMatch, () -> respond(service.finalize(assessmentId, ifMatch)));
    }

    @Override
    public Response appealAssessment(UUID assessmentId, Decision decision, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, decision, () -> respond(service.appeal(assessmentId, decision.getReason())));
    }

    private Response respond(Assessment assessment) {
        return ETags.ok(mapper.toApi(assessment), assessment.version);
    }
}
