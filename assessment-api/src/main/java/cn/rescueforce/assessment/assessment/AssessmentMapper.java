package cn.rescueforce.assessment.assessment;

import cn.rescueforce.assessment.api.model.Appeal;
import cn.rescueforce.assessment.api.model.AssessmentStatus;
import cn.rescueforce.assessment.api.model.DeliveryState;
import cn.rescueforce.assessment.api.model.ResultDelivery;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.api.model.TeamSummary;
import cn.rescueforce.assessment.client.teams.model.Team;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.kit.outbox.Outbox;
import cn.rescueforce.kit.outbox.OutboxMessage;
import cn.rescueforce.kit.outbox.OutboxState;
import cn.rescueforce.kit.security.ManagementLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;

import static cn.rescueforce.assessment.Utc.of;

/**
 * Assessments as the API shows them to the caller: with how far the delivery of the result to teams-api got,
 * and for an assessor only a summary of the team (not who hosts it, nor who appealed); and the team as
 * teams-api reports it, turned into the facts an assessment keeps.
 */
@ApplicationScoped
public class AssessmentMapper {

    @Inject
    Scope scope;

    @Inject
    Outbox outbox;

    /** The facts of a team, as teams-api reports it, that an assessment keeps. */
    public Assessment.AssessedTeam assessedTeam(Team team) {
        return new Assessment.AssessedTeam(team.getId(), team.getCode(), team.getName(),
                TeamCategory.valueOf(team.getCategory().name()), team.getProvince(), team.getBaseCity(), team.getSupportingUnitId());
    }

    public cn.rescueforce.assessment.api.model.Assessment toApi(Assessment assessment) {
        return toApi(assessment, scope.caller().is(ManagementLevel.ASSESSOR));
    }

    /** As {@code GET /api/v1/assessments/{assessmentId}} answers an assessor ({@code forAssessor}) or any other level. */
    public cn.rescueforce.assessment.api.model.Assessment toApi(Assessment assessment, boolean forAssessor) {
        return toApi(assessment, forAssessor, outbox.latestFor(assessment.id).orElse(null), AssessmentService.today());
    }

    /** {@code delivery}: the newest outbox message about the assessment, or null before any finalization. */
    static cn.rescueforce.assessment.api.model.Assessment toApi(Assessment a, boolean forAssessor, OutboxMessage delivery,
                                                                LocalDate today) {
        TeamSummary team = new TeamSummary().id(a.teamId).code(a.teamCode).name(a.teamName)
                .category(a.teamCategory).province(a.teamProvince).baseCity(a.teamBaseCity)
                .supportingUnitId(a.teamSupportingUnitId);
        var api = new cn.rescueforce.assessment.api.model.Assessment()
                .id(a.id)
                .team(team)
                .type(a.type)
                .status(AssessmentStatus.valueOf(a.status.name()))
                .standardId(a.standardId)
                .standardCode(a.standardCode)
                .standardVersion(a.standardVersion)
                .assessorOrgId(a.assessorOrgId)
                .dueOn(a.dueOn)
                .overdue(a.isOverdue(today))
                .notes(a.notes)
                .scheduledAt(of(a.scheduledAt))
                .scheduledByLevel(cn.rescueforce.assessment.api.model.Assessment.ScheduledByLevelEnum.valueOf(a.scheduledByLevel.name()))
                .submittedAt(of(a.submittedAt))
                .finalizedAt(of(a.finalizedAt))
                .finalizedByLevel(a.finalizedByLevel == null ? null
                        : cn.rescueforce.assessment.api.model.Assessment.FinalizedByLevelEnum.valueOf(a.finalizedByLevel.name()))
                .totalScore(a.totalScore)
                .maxTotal(a.maxTotal)
                .vetoTriggered(a.vetoTriggered)
                .grade(a.grade)
                .validUntil(a.validUntil)
                .cancellationReason(a.cancellationReason)
                .createdAt(of(a.createdAt))
                .updatedAt(of(a.updatedAt))
                .version(a.version);
        if (a.appealedAt != null) {
            api.appeal(new Appeal().reason(a.appealReason).appealedAt(of(a.appealedAt)).appealedBy(a.appealedBy));
        }
        if (delivery != null) {
            api.resultDelivery(new ResultDelivery()
                    .state(DeliveryState.valueOf(delivery.state.name()))
                    .attempts(delivery.attempts)
                    .deliveredAt(of(delivery.deliveredAt))
                    .nextAttemptAt(delivery.state == OutboxState.PENDING ? of(delivery.nextAttemptAt) : null));
        }
        return forAssessor ? asAssessorReadsIt(api) : api;
    }

    /**
     * What an assessor does not see of an assessment (openapi/assessment-api.yaml, Assessment): the team's supporting
     * unit, and who appealed (only that the unit did). Also applied to the change feed's copy of an assessment when an
     * assessor reads it (AssessmentChanges.asSeenBy), which keeps the unmasked one.
     */
    public static cn.rescueforce.assessment.api.model.Assessment asAssessorReadsIt(cn.rescueforce.assessment.api.model.Assessment api) {
        if (api.getTeam() != null) {
            api.getTeam().setSupportingUnitId(null);
        }
        if (api.getAppeal() != null) {
            api.getAppeal().setAppealedBy("unit");
        }
        return api;
    }
}
