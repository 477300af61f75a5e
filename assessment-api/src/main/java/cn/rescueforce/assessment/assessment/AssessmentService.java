package cn.rescueforce.assessment.assessment;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.api.model.AssessmentSchedule;
import cn.rescueforce.assessment.api.model.AssessmentStatus;
import cn.rescueforce.assessment.api.model.AssessmentType;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.client.teams.model.Team;
import cn.rescueforce.assessment.client.teams.model.TeamStatus;
import cn.rescueforce.assessment.evaluation.Evaluation;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.assessment.standard.Standard;
import cn.rescueforce.assessment.standard.StandardRepository;
import cn.rescueforce.assessment.team.TeamDirectory;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.outbox.Outbox;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/**
 * Scheduling, listing, cancelling, finalizing and appealing assessments (openapi/assessment-api.yaml): who may,
 * and in which order the checks answer; the transitions themselves are {@link Assessment}'s.
 */
@ApplicationScoped
public class AssessmentService {

    static final Map<String, String> SORTABLE = Map.of("dueOn", "dueOn", "scheduledAt", "scheduledAt",
            "province", "teamProvince", "status", "status");

    @Inject
    AssessmentRepository assessments;

    @Inject
    StandardRepository standards;

    @Inject
    TeamDirectory teamDirectory;

    @Inject
    Outbox outbox;

    @Inject
    AssessmentMapper mapper;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Transactional
    public Assessment schedule(AssessmentSchedule input) {
        scope.requireLevel(Scope.SCHEDULERS, Text.of("schedule assessments"));
        if (input.getDueOn().isBefore(today())) {
            throw ProblemException.invalid("dueOn", Text.of("must be today or later"));
        }
        Standard standard = standards.findById(input.getStandardId());
        if (standard == null) {
            throw ProblemException.notFound(Text.of("standard"), input.getStandardId());
        }
        Team team = teamDirectory.get(input.getTeamId());
        if (!scope.coversTeam(team.getProvince(), team.getCategory(), team.getSupportingUnitId())) {
            throw ProblemException.notFound(Text.of("team"), input.getTeamId());
        }
        assertMayBeAssessed(team, input.getType());
        Caller caller = scope.caller();
        Assessment assessment = Assessment.schedule(mapper.assessedTeam(team), input.getType(), standard, input.getAssessorOrgId(),
                input.getDueOn(), input.getNotes(), caller.sub(), caller.level(), Instant.now());
        assessments.persist(assessment);
        audit.record("Assessment", assessment.id, "SCHEDULED", assessment.teamProvince,
                List.of("teamId", "type", "standardId", "assessorOrgId", "dueOn", "notes"));
        return assessment;
    }

    /** An acceptance assessment is how a proposed team enters; an exited team is not assessed any more. */
    private static void assertMayBeAssessed(Team team, AssessmentType type) {
        if (team.getStatus() == TeamStatus.EXITED) {
            throw new ProblemException(409, "team-exited", "Team has exited",
                    Text.of("Team {0} has exited and is no longer assessed", team.getCode()), null);
        }
        if (type == AssessmentType.ACCEPTANCE && team.getStatus() != TeamStatus.PROPOSED) {
            throw new ProblemException(409, "team-not-proposed", "Team is not proposed",
                    Text.of("An ACCEPTANCE assessment is for a PROPOSED team; team {0} is {1}", team.getCode(), team.getStatus()), null);
        }
    }

    public Assessment get(UUID id) {
        return scope.visible(assessments.findById(id), id);
    }

    /** {@code overdue} and {@code dueWithinDays} concern open assessments only. */
    public PanacheQuery<Assessment> list(UUID teamId, AssessmentStatus status, AssessmentType type, String province,
                                         TeamCategory category, Boolean overdue, Integer dueWithinDays, PageRequest page) {
        Where where = scope.visibleAssessments(new Where())
                .equal("teamId", teamId)
                .equal("status", status == null ? null : Assessment.Status.valueOf(status.name()))
                .equal("type", type)
                .equal("teamProvince", province)
                .equal("teamCategory", category);
        if (Boolean.TRUE.equals(overdue) || dueWithinDays != null) {
            String open = where.name();
            where.condition("status in :" + open, Map.of(open, List.of(Assessment.Status.SCHEDULED, Assessment.Status.SUBMITTED)));
        }
        where.before("dueOn", Boolean.TRUE.equals(overdue) ? today() : null)
                .atMost("dueOn", dueWithinDays == null ? null : today().plusDays(dueWithinDays));
        return assessments.search(where, page.sort()).page(page.panachePage());
    }

    @Transactional
    public Assessment cancel(UUID id, String reason) {
        scope.requireLevel(Scope.SCHEDULERS, Text.of("cancel assessments"));
        Assessment assessment = scope.visible(assessments.findForUpdate(id), id);
        assessment.cancel(reason, Instant.now());
        assessments.flush();
        audit.record("Assessment", assessment.id, "CANCELLED", assessment.teamProvince, List.of("status", "cancellationReason"));
        return assessment;
    }

    /**
     * Grades the submitted evaluation and queues the consequence for teams-api in the same transaction, so the
     * result reaches the team exactly when the finalization commits. {@code evaluationRead} (optional) is the
     * evaluation's ETag the finalizer read: a correction takes the assessment's lock too, so it cannot slip in between
     * this check and the commit.
     */
    @Transactional
    public Assessment finalize(UUID id, String evaluationRead) {
        scope.requireLevel(Scope.SCHEDULERS, Text.of("finalize assessments"));
        Assessment assessment = scope.visible(assessments.findForUpdate(id), id);
        Instant now = Instant.now();
        assessment.finalizeWith(Evaluation.findById(assessment.id), evaluationRead, standards.findById(assessment.standardId),
                scope.caller().level(), now);
        outbox.enqueue(TeamResultDelivery.DESTINATION, assessment.id + "#" + assessment.finalizationRound, assessment.id,
                new TeamResultDelivery.Payload(assessment.teamId, assessment.id, assessment.type.name(), assessment.grade.name(),
                        assessment.validUntil, now.atOffset(ZoneOffset.UTC), assessment.standardCode));
        assessments.flush();
        audit.record("Assessment", assessment.id, "FINALIZED", assessment.teamProvince,
                List.of("status", "grade", "totalScore", "vetoTriggered", "validUntil"));
        return assessment;
    }

    @Transactional
    public Assessment appeal(UUID id, String reason) {
        scope.requireLevel(List.of(UNIT), Text.of("appeal assessments"));
        Assessment assessment = scope.visible(assessments.findForUpdate(id), id);
        assessment.appeal(reason, scope.caller().sub(), Instant.now());
        assessments.flush();
        audit.record("Assessment", assessment.id, "APPEALED", assessment.teamProvince, List.of("status", "appealReason"));
        return assessment;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static Sort defaultSort() {
        return Sort.by("dueOn");
    }
}
