package cn.rescueforce.teams.team;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.Provinces;
import cn.rescueforce.teams.api.model.AssessmentResult;
import cn.rescueforce.teams.api.model.AssessmentType;
import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.LifecycleAction;
import cn.rescueforce.teams.api.model.Readiness;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TeamProfile;
import cn.rescueforce.teams.api.model.TeamRegistration;
import cn.rescueforce.teams.api.model.TeamStatus;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.unit.SupportingUnit;
import cn.rescueforce.teams.unit.SupportingUnitService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.SERVICE;

/** The team registry and the team lifecycle: PROPOSED → ACTIVE → RECTIFICATION → ACTIVE or EXITED. */
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

    public record Filter(TeamCategory category, String province, TeamStatus status, Readiness readiness,
                         UUID supportingUnitId, String text) {
    }

    @Transactional
    public Team register(TeamRegistration input) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL), "register teams");
        if (!Provinces.isKnown(input.getProvince())) {
            throw ProblemException.invalid("province", "unknown province code " + input.getProvince());
        }
        Caller caller = scope.caller();
        if (caller.is(PROVINCIAL) && !caller.region().equals(input.getProvince())) {
            throw ProblemException.forbidden("A provincial level registers teams of its own province (" + caller.region() + ") only");
        }
        SupportingUnit unit = units.get(input.getSupportingUnitId());
        if (teams.codeTaken(input.getCode())) {
            throw ProblemException.conflict("A team with code " + input.getCode() + " already exists");
        }
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.code = input.getCode();
        team.category = input.getCategory();
        team.province = input.getProvince();
        team.supportingUnitId = unit.id;
        team.status = TeamStatus.PROPOSED;
        team.readiness = Readiness.STANDBY;
        team.createdAt = Instant.now();
        applyProfile(team, input.getName(), input.getSpecialties(), input.getBaseLocation().getLat(),
                input.getBaseLocation().getLon(), input.getBaseAddress(), input.getBaseCity(), input.getDutyPhone());
        teams.persist(team);
        recordStep(team, LifecycleAction.REGISTERED, null, "Registered (entry proposed) by " + caller.level());
        audit.record("Team", team.id, "REGISTERED", team.province, List.of("code", "name", "category", "province",
                "supportingUnitId", "specialties", "baseLocation", "baseAddress", "baseCity", "dutyPhone", "status"));
        return team;
    }

    public Team get(UUID id) {
        scope.requireLevel(Scope.TEAM_READERS, "read teams");
        return scope.visible(teams.findById(id), id);
    }

    /** As {@link #get}, with the supporting unit's name read in the same query. */
    public TeamRepository.WithUnitName getWithUnitName(UUID id) {
        scope.requireLevel(Scope.TEAM_READERS, "read teams");
        TeamRepository.WithUnitName found = teams.findWithUnitName(id);
        scope.visible(found == null ? null : found.team(), id);
        return found;
    }

    public PanacheQuery<Team> list(Filter filter, PageRequest page) {
        scope.requireLevel(Scope.TEAM_READERS, "list teams");
        Parameters params = new Parameters();
        List<String> where = new ArrayList<>();
        where.add(scope.visibleTeams("", params));
        if (filter.category() != null) {
            where.add("category = :category");
            params.and("category", filter.category());
        }
        if (filter.province() != null) {
            where.add("province = :province");
            params.and("province", filter.province());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.readiness() != null) {
            where.add("readiness = :readiness");
            params.and("readiness", filter.readiness());
        }
        if (filter.supportingUnitId() != null) {
            where.add("supportingUnitId = :unitId");
            params.and("unitId", filter.supportingUnitId());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(lower(code) like :text or lower(name) like :text)");
            params.and("text", "%" + filter.text().trim().toLowerCase() + "%");
        }
        return teams.search(Scope.and(where.toArray(String[]::new)), page.sort(), params).page(page.panachePage());
    }

    @Transactional
    public Team updateProfile(UUID id, String ifMatch, TeamProfile profile) {
        Team team = editable(id, "edit team profiles");
        ETags.requireMatch(ifMatch, team.version);
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(team.name, profile.getName().trim())) changed.add("name");
        if (!Arrays.equals(team.specialties, specialtiesOf(profile.getSpecialties()))) changed.add("specialties");
        if (team.baseLat != profile.getBaseLocation().getLat() || team.baseLon != profile.getBaseLocation().getLon()) changed.add("baseLocation");
        if (!Objects.equals(team.baseAddress, profile.getBaseAddress())) changed.add("baseAddress");
        if (!Objects.equals(team.baseCity, profile.getBaseCity())) changed.add("baseCity");
        if (!Objects.equals(team.dutyPhone, profile.getDutyPhone())) changed.add("dutyPhone");
        if (!changed.isEmpty()) {
            applyProfile(team, profile.getName(), profile.getSpecialties(), profile.getBaseLocation().getLat(),
                    profile.getBaseLocation().getLon(), profile.getBaseAddress(), profile.getBaseCity(), profile.getDutyPhone());
            teams.flush();
            audit.record("Team", team.id, "PROFILE_UPDATED", team.province, changed);
        }
        return team;
    }

    @Transactional
    public Team changeReadiness(UUID id, Readiness readiness) {
        Team team = editable(id, "change team readiness");
        if (team.readiness != readiness) {
            team.readiness = readiness;
            team.updatedAt = Instant.now();
            teams.flush();
            audit.record("Team", team.id, "READINESS_CHANGED", team.province, List.of("readiness"));
        }
        return team;
    }

    /** Entry into the national sequence, or return from rectification: national only. */
    @Transactional
    public Team designate(UUID id, String reason) {
        scope.requireLevel(NATIONAL, "designate teams");
        Team team = get(id);
        if (team.status != TeamStatus.PROPOSED && team.status != TeamStatus.RECTIFICATION) {
            throw ProblemException.invalidTransition("Only a PROPOSED team or one in RECTIFICATION can be designated; this team is " + team.status);
        }
        return transition(team, LifecycleAction.DESIGNATED, TeamStatus.ACTIVE, reason);
    }

    @Transactional
    public Team placeInRectification(UUID id, String reason) {
        scope.requireLevel(NATIONAL, "place teams in rectification");
        Team team = get(id);
        if (team.status != TeamStatus.ACTIVE) {
            throw ProblemException.invalidTransition("Only an ACTIVE team can be placed in rectification; this team is " + team.status);
        }
        return transition(team, LifecycleAction.PLACED_IN_RECTIFICATION, TeamStatus.RECTIFICATION, reason);
    }

    @Transactional
    public Team exit(UUID id, String reason) {
        scope.requireLevel(NATIONAL, "exit teams");
        Team team = get(id);
        assertNotExited(team);
        team.readiness = Readiness.UNAVAILABLE;
        team.exitProposed = false;
        return transition(team, LifecycleAction.EXITED, TeamStatus.EXITED, reason);
    }

    /** The province proposes, national decides (the entry/exit mechanism). */
    @Transactional
    public Team proposeExit(UUID id, String reason) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL, MINE_SAFETY), "propose a team's exit");
        Team team = get(id);
        assertNotExited(team);
        if (team.exitProposed) {
            throw ProblemException.conflict("The exit of this team is already proposed");
        }
        team.exitProposed = true;
        return transition(team, LifecycleAction.EXIT_PROPOSED, team.status, reason);
    }

    /**
     * The consequences of a finalized assessment (assessment-api, service level only), applied once per
     * assessment: a pass sets grade and validity and designates a PROPOSED team after an ACCEPTANCE; a fail
     * puts an ACTIVE team in rectification, and a second fail in a row marks it for exit review.
     */
    @Transactional
    public Team applyAssessmentResult(UUID id, AssessmentResult result) {
        scope.requireLevel(SERVICE, "apply assessment results");
        Team team = teams.findForUpdate(id);
        if (team == null) {
            throw ProblemException.notFound("team", id);
        }
        Instant finalizedAt = result.getFinalizedAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (AppliedAssessmentResult.count("assessmentId = ?1 and finalizedAt = ?2", result.getAssessmentId(), finalizedAt) > 0) {
            return team; // delivered before: nothing is applied twice
        }
        boolean pass = result.getGrade() != Grade.FAIL;
        if (pass && result.getValidUntil() == null) {
            throw ProblemException.invalid("validUntil", "a passing grade needs its validity");
        }
        assertNotExited(team);
        AppliedAssessmentResult applied = new AppliedAssessmentResult();
        applied.assessmentId = result.getAssessmentId();
        applied.teamId = team.id;
        applied.assessmentType = result.getAssessmentType();
        applied.grade = result.getGrade();
        applied.validUntil = pass ? result.getValidUntil() : null;
        applied.finalizedAt = finalizedAt;
        applied.appliedAt = Instant.now();
        applied.persist();

        String source = "assessment " + result.getAssessmentId()
                + (result.getStandardCode() == null ? "" : " (" + result.getStandardCode() + ")");
        team.grade = result.getGrade();
        team.gradeValidUntil = applied.validUntil;
        team.updatedAt = Instant.now();
        List<String> changed = new ArrayList<>(List.of("grade", "gradeValidUntil"));
        if (pass) {
            team.consecutiveFails = 0;
            if (team.status == TeamStatus.PROPOSED && result.getAssessmentType() == AssessmentType.ACCEPTANCE) {
                transition(team, LifecycleAction.DESIGNATED, TeamStatus.ACTIVE, "Passed acceptance " + source + " with " + result.getGrade());
            }
        } else {
            team.consecutiveFails++;
            if (team.status == TeamStatus.ACTIVE) {
                transition(team, LifecycleAction.PLACED_IN_RECTIFICATION, TeamStatus.RECTIFICATION, "Failed " + source);
            }
            if (team.consecutiveFails >= 2 && !team.exitProposed) {
                team.exitProposed = true;
                changed.add("exitProposed");
                recordStep(team, LifecycleAction.EXIT_PROPOSED, team.status,
                        "Second consecutive failed assessment (" + source + "): exit review");
            }
        }
        teams.flush();
        audit.record("Team", team.id, "ASSESSMENT_RESULT_APPLIED", team.province, changed);
        return team;
    }

    public PanacheQuery<TeamStatusChange> history(UUID id, PageRequest page) {
        Team team = get(id);
        return teams.history(team.id).page(page.panachePage());
    }

    /** A team the caller may edit: an editing level, in scope (else 404), not exited (else 409). */
    public Team editable(UUID id, String action) {
        scope.requireLevel(Scope.TEAM_EDITORS, action);
        Team team = scope.visible(teams.findById(id), id);
        assertNotExited(team);
        return team;
    }

    /**
     * As {@link #editable}, with the team row locked until the transaction ends: for changes derived from other
     * rows (the headcount). The lock is taken on the first read, so no stale version is held while waiting.
     */
    public Team editableLocked(UUID id, String action) {
        scope.requireLevel(Scope.TEAM_EDITORS, action);
        Team team = scope.visible(teams.findForUpdate(id), id);
        assertNotExited(team);
        return team;
    }

    private Team transition(Team team, LifecycleAction action, TeamStatus to, String reason) {
        TeamStatus from = team.status;
        team.status = to;
        team.updatedAt = Instant.now();
        teams.flush();
        recordStep(team, action, from, reason);
        audit.record("Team", team.id, action.name(), team.province, List.of("status"));
        return team;
    }

    private void recordStep(Team team, LifecycleAction action, TeamStatus from, String reason) {
        Caller caller = scope.caller();
        TeamStatusChange step = new TeamStatusChange();
        step.id = UUID.randomUUID();
        step.teamId = team.id;
        step.action = action;
        step.fromStatus = from;
        step.toStatus = team.status;
        step.reason = reason;
        step.actorSub = caller.sub();
        step.actorLevel = caller.level();
        step.actorRegion = caller.region();
        step.at = Instant.now();
        step.persist();
    }

    private static void assertNotExited(Team team) {
        if (team.status == TeamStatus.EXITED) {
            throw ProblemException.invalidTransition("The team has exited the national sequence; it can no longer change");
        }
    }

    private static void applyProfile(Team team, String name, List<String> specialties, double lat, double lon,
                                     String address, String city, String dutyPhone) {
        team.name = name.trim();
        team.specialties = specialtiesOf(specialties);
        team.baseLat = lat;
        team.baseLon = lon;
        team.baseAddress = address;
        team.baseCity = city;
        team.dutyPhone = dutyPhone;
        team.updatedAt = Instant.now();
    }

    private static String[] specialtiesOf(List<String> specialties) {
        return specialties == null ? new String[0] : specialties.stream().distinct().toArray(String[]::new);
    }

    static Sort defaultSort() {
        return Sort.by("name");
    }
}
