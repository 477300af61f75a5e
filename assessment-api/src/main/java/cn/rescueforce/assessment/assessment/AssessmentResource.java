package cn.rescueforce.assessment.assessment;

import cn.rescueforce.assessment.api.AssessmentsApi;
import cn.rescueforce.assessment.api.model.Appeal;
import cn.rescueforce.assessment.api.model.AssessmentPage;
import cn.rescueforce.assessment.api.model.AssessmentSchedule;
import cn.rescueforce.assessment.api.model.AssessmentStatus;
import cn.rescueforce.assessment.api.model.AssessmentType;
import cn.rescueforce.assessment.api.model.Decision;
import cn.rescueforce.assessment.api.model.DeliveryState;
import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.ResultDelivery;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.api.model.TeamSummary;
import cn.rescueforce.assessment.outbox.Outbox;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentCreation;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class AssessmentResource implements AssessmentsApi {

    @Inject
    AssessmentService service;

    @Inject
    IdempotentCreation idempotency;

    @Inject
    Outbox outbox;

    @Inject
    Scope scope;

    @Override
    public Response scheduleAssessment(AssessmentSchedule input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, input, () -> {
            Assessment assessment = service.schedule(input);
            return ETags.created(URI.create("/api/v1/assessments/" + assessment.id), toApi(assessment), assessment.version);
        });
    }

    @Override
    public Response getAssessment(UUID assessmentId, String ifNoneMatch) {
        Assessment assessment = service.get(assessmentId);
        return ETags.read(ifNoneMatch, assessment.version, () -> toApi(assessment));
    }

    @Override
    public Response listAssessments(Integer page, Integer size, String sort, UUID teamId, AssessmentStatus status, AssessmentType type,
                                    String province, TeamCategory category, Boolean overdue, Integer dueWithinDays) {
        PageRequest request = PageRequest.of(page, size, sort, AssessmentService.SORTABLE, AssessmentService.defaultSort());
        PanacheQuery<Assessment> found = service.list(teamId, status, type, province, category, overdue, dueWithinDays, request);
        return Response.ok(new AssessmentPage(found.list().stream().map(this::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response cancelAssessment(UUID assessmentId, Decision decision) {
        Assessment assessment = service.cancel(assessmentId, decision.getReason());
        return ETags.ok(toApi(assessment), assessment.version);
    }

    @Override
    public Response finalizeAssessment(UUID assessmentId) {
        Assessment assessment = service.finalize(assessmentId);
        return ETags.ok(toApi(assessment), assessment.version);
    }

    @Override
    public Response appealAssessment(UUID assessmentId, Decision decision) {
        Assessment assessment = service.appeal(assessmentId, decision.getReason());
        return ETags.ok(toApi(assessment), assessment.version);
    }

    cn.rescueforce.assessment.api.model.Assessment toApi(Assessment a) {
        // assessors see a summary of the team: not who hosts it
        boolean assessor = scope.caller().is(ManagementLevel.ASSESSOR);
        TeamSummary team = new TeamSummary().id(a.teamId).code(a.teamCode).name(a.teamName)
                .category(TeamCategory.fromValue(a.teamCategory)).province(a.teamProvince).baseCity(a.teamBaseCity)
                .supportingUnitId(assessor ? null : a.teamSupportingUnitId);
        var api = new cn.rescueforce.assessment.api.model.Assessment()
                .id(a.id)
                .team(team)
                .type(AssessmentType.fromValue(a.type))
                .status(AssessmentStatus.fromValue(a.status.name()))
                .standardId(a.standardId)
                .standardCode(a.standardCode)
                .standardVersion(a.standardVersion)
                .assessorOrgId(a.assessorOrgId)
                .dueOn(a.dueOn)
                .overdue(a.isOverdue(AssessmentService.today()))
                .notes(a.notes)
                .scheduledAt(utc(a.scheduledAt))
                .scheduledByLevel(cn.rescueforce.assessment.api.model.Assessment.ScheduledByLevelEnum.fromValue(a.scheduledByLevel))
                .submittedAt(utc(a.submittedAt))
                .finalizedAt(utc(a.finalizedAt))
                .finalizedByLevel(a.finalizedByLevel == null ? null
                        : cn.rescueforce.assessment.api.model.Assessment.FinalizedByLevelEnum.fromValue(a.finalizedByLevel))
                .totalScore(a.totalScore)
                .maxTotal(a.maxTotal)
                .vetoTriggered(a.vetoTriggered)
                .grade(a.grade == null ? null : Grade.fromValue(a.grade))
                .validUntil(a.validUntil)
                .cancellationReason(a.cancellationReason)
                .createdAt(utc(a.createdAt))
                .updatedAt(utc(a.updatedAt))
                .version(a.version);
        if (a.appealedAt != null) {
            api.appeal(new Appeal().reason(a.appealReason).appealedAt(utc(a.appealedAt)).appealedBy(assessor ? "unit" : a.appealedBy));
        }
        outbox.latestFor(a.id).ifPresent(message -> api.resultDelivery(new ResultDelivery()
                .state(message.deliveredAt == null ? DeliveryState.PENDING : DeliveryState.DELIVERED)
                .attempts(message.attempts)
                .deliveredAt(utc(message.deliveredAt))
                .nextAttemptAt(message.deliveredAt == null ? utc(message.nextAttemptAt) : null)));
        return api;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
