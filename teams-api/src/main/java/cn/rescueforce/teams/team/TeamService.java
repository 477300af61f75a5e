package cn.rescueforce.teams.team;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.Provinces;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.AssessmentResult;
import cn.rescueforce.teams.api.model.LifecycleAction;
import cn.rescueforce.teams.api.model.Readiness;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TeamStatus;
import cn.rescueforce.teams.reads.TeamRepresentations;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.unit.SupportingUnit;
import cn.rescueforce.teams.unit.SupportingUnitService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.SERVICE;

/** The team registry and the team lifecycle (its steps are {@link Team}'s); who may take which step. */
@ApplicationScoped
public class TeamService {

    static final Map<String, String> SORTABLE = Map.of("name", "name", "code", "code", "province", "province",
            "category", "category", "status", "status", "headcount", "headcount", "createdAt", "createdAt");

    @Inject
    TeamRepository teams;

    @Inject
    SupportingUnitService units;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Inject
    TeamRepresentations representations;

    public record Filter(TeamCategory category, String province, TeamStatus status, Readiness readiness,
                         UUID supportingUnitId, String text) {
    }

    @Transactional
    public Team register(String code, TeamCategory category, String province, UUID supportingUnitId, Team.Profile profile) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL), Text.of("register teams"));
        if (!Provinces.isKnown(province)) {
            throw ProblemException.invalid("province", Text.of("unknown province code {0}", province));
        }
        Caller caller = scope.caller();
        if (caller.is(PROVINCIAL) && !caller.region().equals(province)) {
            throw ProblemException.forbidden(Text.of("A provincial level registers teams of its own province ({0}) only", caller.region()));
        }
        SupportingUnit unit = units.get(supportingUnitId);
        if (teams.codeTaken(code)) {
            throw Team.codeTaken(Text.of("A team with code {0} already exists", code));
        }
        Team team = Team.propose(code, category, province, unit.id, profile);
        teams.persist(team);
        TeamStatusChange.step(team, LifecycleAction.REGISTERED, null, "Registered (entry proposed) by " + caller.level(), caller)
                .persist();
        audit.record("Team", team.id, "REGISTERED", team.province, List.of("code", "name", "category", "province",
                "supportingUnitId", "specialties", "baseLocation", "baseAddress", "baseCity", "dutyPhone", "status"));
        return team;
    }

    public Team get(UUID id) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read teams"));
        return scope.visible(teams.findById(id), id);
    }

    /** As {@link #get}, with the supporting unit's name read in the same query. */
    public TeamRepository.WithUnitName getWithUnitName(UUID id) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read teams"));
        TeamRepository.WithUnitName found = teams.findWithUnitName(id);
        scope.visible(found == null ? null : found.team(), id);
        return found;
    }

    /**
     * A team's state now (TeamRepresentations), in the caller's scope: a missing team and one out of scope cost the
     * same probe and answer the same 404.
     */
    public TeamRepresentations.Probe probeVisible(UUID id) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read teams"));
        TeamRepresentations.Probe probe = representations.probe(id);
        if (probe == null || !scope.covers(probe.province(), probe.category(), probe.supportingUnitId())) {
            throw ProblemException.notFound(Text.of("team"), id);
        }
        return probe;
    }

    /** The scope of a caller that may list teams (403 otherwise): what tells its lists apart from other callers'. */
    public TeamScope listingScope() {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("list teams"));
        return scope.caller().teamScope();
    }

    public PanacheQuery<Team> list(Filter filter, PageRequest page) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("list teams"));
        Where where = scope.restrict(new Where(), "")
                .equal("category", filter.category())
                .equal("province", filter.province())
                .equal("status", filter.status())
                .equal("readiness", filter.readiness())
                .equal("supportingUnitId", filter.supportingUnitId())
                .anyOf(w -> w.contains("code", filter.text()), w -> w.contains("name", filter.text()));
        return teams.search(where, page.sort()).page(page.panachePage());
    }

    /** The name of each team of {@code ids} that exists (for the rows of other capabilities that name their team). */
    public Map<UUID, String> names(Collection<UUID> ids) {
        return teams.names(ids);
    }

    /** The name of the team's supporting unit. */
    public String unitName(Team team) {
        return units.names(List.of(team.supportingUnitId)).get(team.supportingUnitId);
    }

    /** The names of the supporting units of {@code teams}, by unit id. */
    public Map<UUID, String> unitNames(Collection<Team> teams) {
        return units.names(teams.stream().map(t -> t.supportingUnitId).collect(Collectors.toSet()));
    }

    @Transactional
    public Team updateProfile(UUID id, String ifMatch, Team.Profile profile) {
        Team team = editable(id, Text.of("edit team profiles"));
        ETags.requireMatch(ifMatch, team.version);
        List<String> changed = team.changeProfile(profile);
        if (!changed.isEmpty()) {
            teams.flush();
            audit.record("Team", team.id, "PROFILE_UPDATED", team.province, changed);
        }
        return team;
    }

    @Transactional
    public Team changeReadiness(UUID id, String ifMatch, Readiness readiness) {
        Team team = editable(id, Text.of("change team readiness"));
        assertStillAsRead(team, ifMatch);
        readinessChanged(team, team.changeReadiness(readiness));
        return team;
    }

    /** A mobilization order now holds the team (MobilizationService, under the team's lock). */
    @Transactional
    public void sendOnMission(Team team) {
        readinessChanged(team, team.sendOnMission());
    }

    /** The order holding the team is completed. */
    @Transactional
    public void recoverFromMission(UUID id) {
        Team team = teams.findForUpdate(id);
        readinessChanged(team, team.recoverFromMission());
    }

    /** The order holding the team is cancelled. */
    @Transactional
    public void releaseFromMission(UUID id) {
        Team team = teams.findForUpdate(id);
        readinessChanged(team, team.releaseFromMission());
    }

    /** Entry into the national sequence, or return from rectification: national only. */
    @Transactional
    public Team designate(UUID id, String ifMatch, String reason) {
        scope.requireLevel(NATIONAL, Text.of("designate teams"));
        Team team = get(id);
        assertStillAsRead(team, ifMatch);
        return lifecycleStep(team, team.designate(reason, scope.caller()));
    }

    @Transactional
    public Team placeInRectification(UUID id, String ifMatch, String reason) {
        scope.requireLevel(NATIONAL, Text.of("place teams in rectification"));
        Team team = get(id);
        assertStillAsRead(team, ifMatch);
        return lifecycleStep(team, team.placeInRectification(reason, scope.caller()));
    }

    @Transactional
    public Team exit(UUID id, String ifMatch, String reason) {
        scope.requireLevel(NATIONAL, Text.of("exit teams"));
        Team team = get(id);
        assertStillAsRead(team, ifMatch);
        return lifecycleStep(team, team.exit(reason, scope.caller()));
    }

    /** The province proposes, national decides (the entry/exit mechanism). */
    @Transactional
    public Team proposeExit(UUID id, String ifMatch, String reason) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL, MINE_SAFETY), Text.of("propose a team's exit"));
        Team team = get(id);
        assertStillAsRead(team, ifMatch);
        return lifecycleStep(team, team.proposeExit(reason, scope.caller()));
    }

    /**
     * The consequences of a finalized assessment (assessment-api, service level only, see
     * {@link Team#applyAssessmentResult}), applied once per assessment and finalization.
     */
    @Transactional
    public Team applyAssessmentResult(UUID id, AssessmentResult result) {
        scope.requireLevel(SERVICE, Text.of("apply assessment results"));
        Team team = teams.findForUpdate(id);
        if (team == null) {
            throw ProblemException.notFound(Text.of("team"), id);
        }
        Instant finalizedAt = result.getFinalizedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        if (AppliedAssessmentResult.count("assessmentId = ?1 and finalizedAt = ?2", result.getAssessmentId(), finalizedAt) > 0) {
            return team; // delivered before: nothing is applied twice
        }
        String source = "assessment " + result.getAssessmentId()
                + (result.getStandardCode() == null ? "" : " (" + result.getStandardCode() + ")");
        Team.AssessmentOutcome outcome = team.applyAssessmentResult(result.getAssessmentType(), result.getGrade(),
                result.getValidUntil(), source, scope.caller());
        AppliedAssessmentResult applied = new AppliedAssessmentResult();
        applied.assessmentId = result.getAssessmentId();
        applied.teamId = team.id;
        applied.assessmentType = result.getAssessmentType();
        applied.grade = team.grade;
        applied.validUntil = team.gradeValidUntil;
        applied.finalizedAt = finalizedAt;
        applied.appliedAt = Instant.now();
        applied.persist();
        for (TeamStatusChange step : outcome.steps()) {
            if (step.changedStatus()) {
                lifecycleStep(team, step);
            } else {
                step.persist();
            }
        }
        teams.flush();
        audit.record("Team", team.id, "ASSESSMENT_RESULT_APPLIED", team.province, outcome.changed());
        return team;
    }

    public PanacheQuery<TeamStatusChange> history(UUID id, PageRequest page) {
        Team team = get(id);
        return teams.history(team.id).page(page.panachePage());
    }

    /** A team the caller may edit: an editing level, in scope (else 404), not exited (else 409). */
    public Team editable(UUID id, Text action) {
        scope.requireLevel(Scope.TEAM_EDITORS, action);
        Team team = scope.visible(teams.findById(id), id);
        team.assertNotExited();
        return team;
    }

    /**
     * As {@link #editable}, with the team row locked until the transaction ends: for changes derived from other
     * rows (the headcount). The lock is taken on the first read, so no stale version is held while waiting.
     */
    public Team editableLocked(UUID id, Text action) {
        scope.requireLevel(Scope.TEAM_EDITORS, action);
        Team team = scope.visible(teams.findForUpdate(id), id);
        team.assertNotExited();
        return team;
    }

    /**
     * A lifecycle step with {@code If-Match} (optional, openapi/teams-api.yaml TeamIfMatch) is decided on the team
     * the caller read: 412 when it changed since, checked before the step's own rules.
     */
    private static void assertStillAsRead(Team team, String ifMatch) {
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, team.version);
        }
    }

    /** Keeps a lifecycle step the team took: the new version first (the response's ETag), then the step. */
    private Team lifecycleStep(Team team, TeamStatusChange step) {
        teams.flush();
        step.persist();
        audit.record("Team", team.id, step.action.name(), team.province, List.of("status"));
        return team;
    }

    private void readinessChanged(Team team, boolean changed) {
        if (changed) {
            teams.flush();
            audit.record("Team", team.id, "READINESS_CHANGED", team.province, List.of("readiness"));
        }
    }

    static Sort defaultSort() {
        return Sort.by("name");
    }
}
