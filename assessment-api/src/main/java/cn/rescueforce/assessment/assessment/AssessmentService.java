package cn.rescueforce.assessment.assessment;

import cn.rescueforce.assessment.api.model.AssessmentSchedule;
import cn.rescueforce.assessment.api.model.AssessmentStatus;
import cn.rescueforce.assessment.api.model.AssessmentType;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.client.teams.model.Team;
import cn.rescueforce.assessment.client.teams.model.TeamStatus;
import cn.rescueforce.assessment.evaluation.Evaluation;
import cn.rescueforce.assessment.outbox.Outbox;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.assessment.standard.Standard;
import cn.rescueforce.assessment.standard.StandardRepository;
import cn.rescueforce.assessment.team.TeamDirectory;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/** Scheduling, cancelling, finalizing and appealing assessments; the grade rules of DESIGN.md live here. */
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
    Scope scope;

    @Inject
    AuditTrail audit;

    @Transactional
    public Assessment schedule(AssessmentSchedule input) {
        scope.requireLevel(Scope.SCHEDULERS, "schedule assessments");
        if (input.getDueOn().isBefore(today())) {
            throw ProblemException.invalid("dueOn", "must be today or later");
        }
        Standard standard = standards.findById(input.getStandardId());
        if (standard == null) {
            throw ProblemException.notFound("standard", input.getStandardId());
        }
        Team team = teamDirectory.get(input.getTeamId());
        String category = team.getCategory().name();
        if (!scope.coversTeam(team.getProvince(), category, team.getSupportingUnitId())) {
            throw ProblemException.notFound("team", input.getTeamId());
        }
        assertMayBeAssessed(team, input.getType());
        if (standard.status != Standard.Status.PUBLISHED) {
            throw ProblemException.conflict("Standard " + standard.code + " version " + standard.standardVersion + " is "
                    + standard.status + "; assessments are scheduled against a published version");
        }
        if (!standard.category.equals(category)) {
            throw ProblemException.invalid("standardId", "standard " + standard.code + " is for " + standard.category
                    + ", the team is " + category);
        }
        Caller caller = scope.caller();
        Instant now = Instant.now();
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.teamId = team.getId();
        assessment.teamCode = team.getCode();
        assessment.teamName = team.getName();
        assessment.teamCategory = category;
        assessment.teamProvince = team.getProvince();
        assessment.teamBaseCity = team.getBaseCity();
        assessment.teamSupportingUnitId = team.getSupportingUnitId();
        assessment.type = input.getType().name();
        assessment.status = Assessment.Status.SCHEDULED;
        assessment.standardId = standard.id;
        assessment.standardCode = standard.code;
        assessment.standardVersion = standard.standardVersion;
        assessment.assessorOrgId = input.getAssessorOrgId();
        assessment.dueOn = input.getDueOn();
        assessment.notes = input.getNotes();
        assessment.scheduledAt = now;
        assessment.scheduledBySub = caller.sub();
        assessment.scheduledByLevel = caller.level().name();
        assessment.createdAt = now;
        assessment.updatedAt = now;
        assessments.persist(assessment);
        audit.record("Assessment", assessment.id, "SCHEDULED", assessment.teamProvince,
                List.of("teamId", "type", "standardId", "assessorOrgId", "dueOn", "notes"));
        return assessment;
    }

    /** An acceptance assessment is how a proposed team enters; an exited team is not assessed any more. */
    private static void assertMayBeAssessed(Team team, AssessmentType type) {
        if (team.getStatus() == TeamStatus.EXITED) {
            throw ProblemException.conflict("Team " + team.getCode() + " has exited and is no longer assessed");
        }
        if (type == AssessmentType.ACCEPTANCE && team.getStatus() != TeamStatus.PROPOSED) {
            throw ProblemException.conflict("An ACCEPTANCE assessment is for a PROPOSED team; team " + team.getCode()
                    + " is " + team.getStatus());
        }
    }

    public Assessment get(UUID id) {
        return scope.visible(assessments.findById(id), id);
    }

    public PanacheQuery<Assessment> list(UUID teamId, AssessmentStatus status, AssessmentType type, String province,
                                         TeamCategory category, Boolean overdue, Integer dueWithinDays, PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = new ArrayList<>();
        String visible = scope.visibleAssessments(params);
        if (!visible.isEmpty()) {
            where.add(visible);
        }
        if (teamId != null) {
            where.add("teamId = :teamId");
            params.and("teamId", teamId);
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", Assessment.Status.valueOf(status.name()));
        }
        if (type != null) {
            where.add("type = :type");
            params.and("type", type.name());
        }
        if (province != null) {
            where.add("teamProvince = :province");
            params.and("province", province);
        }
        if (category != null) {
            where.add("teamCategory = :category");
            params.and("category", category.name());
        }
        if (Boolean.TRUE.equals(overdue) || dueWithinDays != null) {
            where.add("status in :open");
            params.and("open", List.of(Assessment.Status.SCHEDULED, Assessment.Status.SUBMITTED));
        }
        if (Boolean.TRUE.equals(overdue)) {
            where.add("dueOn < :today");
            params.and("today", today());
        }
        if (dueWithinDays != null) {
            where.add("dueOn <= :horizon");
            params.and("horizon", today().plusDays(dueWithinDays));
        }
        return assessments.search(String.join(" and ", where), page.sort(), params).page(page.panachePage());
    }

    @Transactional
    public Assessment cancel(UUID id, String reason) {
        scope.requireLevel(Scope.SCHEDULERS, "cancel assessments");
        Assessment assessment = scope.visible(assessments.findForUpdate(id), id);
        if (!assessment.status.isOpen()) {
            throw ProblemException.invalidTransition("Only a SCHEDULED or SUBMITTED assessment can be cancelled; this one is " + assessment.status);
        }
        assessment.status = Assessment.Status.CANCELLED;
        assessment.cancellationReason = reason.trim();
        assessment.updatedAt = Instant.now();
        assessments.flush();
        audit.record("Assessment", assessment.id, "CANCELLED", assessment.teamProvince, List.of("status", "cancellationReason"));
        return assessment;
    }

    /**
     * Grades the submitted evaluation by the standard's thresholds and queues the consequence for teams-api
     * in the same transaction. The level that rates decides: GRADE_1 only national, the others national or
     * the team's province (mine-safety for mining teams), which is the scope rule already applied.
     */
    @Transactional
    public Assessment finalize(UUID id) {
        scope.requireLevel(Scope.SCHEDULERS, "finalize assessments");
        Assessment assessment = scope.visible(assessments.findForUpdate(id), id);
        if (assessment.status != Assessment.Status.SUBMITTED) {
            throw ProblemException.invalidTransition("Only a SUBMITTED assessment can be finalized; this one is " + assessment.status);
        }
        Evaluation evaluation = Evaluation.findById(assessment.id);
        Standard standard = standards.findById(assessment.standardId);
        String grade = standard.gradeFor(evaluation.totalScore, evaluation.vetoTriggered);
        if ("GRADE_1".equals(grade) && !scope.caller().is(NATIONAL)) {
            throw ProblemException.forbidden("This evaluation grades GRADE_1, which only the national level finalizes");
        }
        Instant now = Instant.now();
        assessment.status = Assessment.Status.FINALIZED;
        assessment.finalizedAt = now;
        assessment.finalizedByLevel = scope.caller().level().name();
        assessment.totalScore = evaluation.totalScore;
        assessment.maxTotal = evaluation.maxTotal;
        assessment.vetoTriggered = evaluation.vetoTriggered;
        assessment.grade = grade;
        assessment.validUntil = "FAIL".equals(grade) ? null : today().plusMonths(standard.validityMonths);
        assessment.finalizationRound++;
        assessment.updatedAt = now;
        outbox.enqueue(TeamResultDelivery.DESTINATION, assessment.id + "#" + assessment.finalizationRound, assessment.id,
                new TeamResultDelivery.Payload(assessment.teamId, assessment.id, assessment.type, grade, assessment.validUntil,
                        now.atOffset(ZoneOffset.UTC), assessment.standardCode));
        assessments.flush();
        audit.record("Assessment", assessment.id, "FINALIZED", assessment.teamProvince,
                List.of("status", "grade", "totalScore", "vetoTriggered", "validUntil"));
        return assessment;
    }

    /** The hosting unit may appeal a finalized result once; the assessment goes back under review. */
    @Transactional
    public Assessment appeal(UUID id, String reason) {
        scope.requireLevel(List.of(UNIT), "appeal assessments");
        Assessment assessment = scope.visible(assessments.findForUpdate(id), id);
        if (assessment.status != Assessment.Status.FINALIZED) {
            throw ProblemException.invalidTransition("Only a FINALIZED assessment can be appealed; this one is " + assessment.status);
        }
        if (assessment.appealedAt != null) {
            throw ProblemException.conflict("Assessment " + assessment.id + " was appealed already; an assessment is appealed once");
        }
        Instant now = Instant.now();
        assessment.status = Assessment.Status.SUBMITTED;
        assessment.appealReason = reason.trim();
        assessment.appealedAt = now;
        assessment.appealedBy = scope.caller().sub();
        // under review again: the result is decided anew at the next finalization
        assessment.grade = null;
        assessment.validUntil = null;
        assessment.totalScore = null;
        assessment.vetoTriggered = null;
        assessment.finalizedAt = null;
        assessment.finalizedByLevel = null;
        assessment.updatedAt = now;
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
