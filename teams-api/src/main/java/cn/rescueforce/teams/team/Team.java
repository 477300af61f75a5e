package cn.rescueforce.teams.team;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.teams.api.model.AssessmentType;
import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.LifecycleAction;
import cn.rescueforce.teams.api.model.Readiness;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TeamStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A national safety-production emergency rescue team, with its lifecycle PROPOSED → ACTIVE → RECTIFICATION →
 * ACTIVE or EXITED (an exited team no longer changes). Its grade and validity are written only by assessment
 * results; its headcount follows its active members; its readiness follows its mobilization orders.
 * Each lifecycle method returns the step it took, for the service to keep.
 */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamCategory category;

    @Column(nullable = false)
    public String[] specialties;

    @Column(nullable = false)
    public String province;

    @Column(name = "supporting_unit_id", nullable = false)
    public UUID supportingUnitId;

    @Column(name = "base_lat", nullable = false)
    public double baseLat;

    @Column(name = "base_lon", nullable = false)
    public double baseLon;

    @Column(name = "base_address")
    public String baseAddress;

    @Column(name = "base_city")
    public String baseCity;

    @Column(name = "duty_phone", nullable = false)
    public String dutyPhone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Readiness readiness;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    @Column(name = "grade_valid_until")
    public LocalDate gradeValidUntil;

    @Column(name = "exit_proposed", nullable = false)
    public boolean exitProposed;

    @Column(nullable = false)
    public int headcount;

    /** Failed assessments in a row; the second marks the team for exit review. */
    @Column(name = "consecutive_fails", nullable = false)
    public int consecutiveFails;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** What a team says of itself, as registered and as edited later. */
    public record Profile(String name, List<String> specialties, double baseLat, double baseLon, String baseAddress,
                          String baseCity, String dutyPhone) {
    }

    /** What applying an assessment result did: the lifecycle steps it took and the fields it changed. */
    public record AssessmentOutcome(List<TeamStatusChange> steps, List<String> changed) {
    }

    /** A team as registered: its entry into the national sequence proposed, on standby, without members yet. */
    public static Team propose(String code, TeamCategory category, String province, UUID supportingUnitId, Profile profile) {
        Team team = new Team();
        team.id = UUID.randomUUID();
        team.code = code;
        team.category = category;
        team.province = province;
        team.supportingUnitId = supportingUnitId;
        team.status = TeamStatus.PROPOSED;
        team.readiness = Readiness.STANDBY;
        team.createdAt = Instant.now();
        team.apply(profile);
        return team;
    }

    /** The new profile; returns the fields that differ from the current one (none: nothing changes). */
    public List<String> changeProfile(Profile profile) {
        assertNotExited();
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(name, profile.name().trim())) changed.add("name");
        if (!Arrays.equals(specialties, specialtiesOf(profile.specialties()))) changed.add("specialties");
        if (baseLat != profile.baseLat() || baseLon != profile.baseLon()) changed.add("baseLocation");
        if (!Objects.equals(baseAddress, profile.baseAddress())) changed.add("baseAddress");
        if (!Objects.equals(baseCity, profile.baseCity())) changed.add("baseCity");
        if (!Objects.equals(dutyPhone, profile.dutyPhone())) changed.add("dutyPhone");
        if (!changed.isEmpty()) {
            apply(profile);
        }
        return changed;
    }

    /** Entry into the national sequence, or return from rectification. */
    public TeamStatusChange designate(String reason, Caller by) {
        if (status != TeamStatus.PROPOSED && status != TeamStatus.RECTIFICATION) {
            throw ProblemException.invalidTransition(Text.of("Only a PROPOSED team or one in RECTIFICATION can be designated; this team is {0}", status));
        }
        return moveTo(TeamStatus.ACTIVE, LifecycleAction.DESIGNATED, reason, by);
    }

    public TeamStatusChange placeInRectification(String reason, Caller by) {
        if (status != TeamStatus.ACTIVE) {
            throw ProblemException.invalidTransition(Text.of("Only an ACTIVE team can be placed in rectification; this team is {0}", status));
        }
        return moveTo(TeamStatus.RECTIFICATION, LifecycleAction.PLACED_IN_RECTIFICATION, reason, by);
    }

    /** Out of the national sequence for good: unavailable, and no exit is pending any more. */
    public TeamStatusChange exit(String reason, Caller by) {
        assertNotExited();
        readiness = Readiness.UNAVAILABLE;
        exitProposed = false;
        return moveTo(TeamStatus.EXITED, LifecycleAction.EXITED, reason, by);
    }

    /** Team codes are unique (the service's check and the constraint team_code_unique, V1). */
    public static ProblemException codeTaken(Text detail) {
        return new ProblemException(409, "team-code-taken", "Team code taken", detail, null);
    }

    /** Marks the team for an exit decision (the province proposes, national decides); the status stays. */
    public TeamStatusChange proposeExit(String reason, Caller by) {
        assertNotExited();
        if (exitProposed) {
            throw new ProblemException(409, "exit-already-proposed", "Exit already proposed",
                    Text.of("The exit of this team is already proposed"), null);
        }
        exitProposed = true;
        return moveTo(status, LifecycleAction.EXIT_PROPOSED, reason, by);
    }

    /**
     * The consequences of a finalized assessment: a pass sets grade and validity and designates a PROPOSED team
     * after an ACCEPTANCE; a fail puts an ACTIVE team in rectification, and a second fail in a row marks it for
     * exit review. {@code source} names the assessment in the steps' reasons.
     */
    public AssessmentOutcome applyAssessmentResult(AssessmentType type, Grade result, LocalDate validUntil, String source, Caller by) {
        boolean pass = result != Grade.FAIL;
        if (pass && validUntil == null) {
            throw ProblemException.invalid("validUntil", Text.of("a passing grade needs its validity"));
        }
        assertNotExited();
        grade = result;
        gradeValidUntil = pass ? validUntil : null;
        updatedAt = Instant.now();
        List<String> changed = new ArrayList<>(List.of("grade", "gradeValidUntil"));
        List<TeamStatusChange> steps = new ArrayList<>();
        if (pass) {
            consecutiveFails = 0;
            if (status == TeamStatus.PROPOSED && type == AssessmentType.ACCEPTANCE) {
                steps.add(moveTo(TeamStatus.ACTIVE, LifecycleAction.DESIGNATED, "Passed acceptance " + source + " with " + result, by));
            }
        } else {
            consecutiveFails++;
            if (status == TeamStatus.ACTIVE) {
                steps.add(moveTo(TeamStatus.RECTIFICATION, LifecycleAction.PLACED_IN_RECTIFICATION, "Failed " + source, by));
            }
            if (consecutiveFails >= 2 && !exitProposed) {
                exitProposed = true;
                changed.add("exitProposed");
                steps.add(TeamStatusChange.step(this, LifecycleAction.EXIT_PROPOSED, status,
                        "Second consecutive failed assessment (" + source + "): exit review", by));
            }
        }
        return new AssessmentOutcome(steps, changed);
    }

    /** Readiness as the team's own command reports it; returns whether it changed. */
    public boolean changeReadiness(Readiness to) {
        assertNotExited();
        return readiness(to);
    }

    /** Only a team in the national sequence (ACTIVE, or in RECTIFICATION) and not UNAVAILABLE is mobilized. */
    public void assertMobilizable() {
        if (status != TeamStatus.ACTIVE && status != TeamStatus.RECTIFICATION) {
            throw ProblemException.invalidTransition(Text.of("A {0} team cannot be mobilized", status));
        }
        if (readiness == Readiness.UNAVAILABLE) {
            throw new ProblemException(409, "team-unavailable", "Team unavailable", Text.of("The team is UNAVAILABLE"), null);
        }
    }

    /** A mobilization order now holds the team; returns whether the readiness changed. */
    public boolean sendOnMission() {
        assertMobilizable();
        return readiness(Readiness.ON_MISSION);
    }

    /** The team's order is completed: it recovers before it stands by again. */
    public boolean recoverFromMission() {
        return readiness(Readiness.RECOVERING);
    }

    /** The team's order is cancelled: back to standby, unless its readiness was changed since it went out. */
    public boolean releaseFromMission() {
        return readiness == Readiness.ON_MISSION && readiness(Readiness.STANDBY);
    }

    /** The headcount is the number of active members, counted by the caller under this team's lock; whether it changed. */
    public boolean recountHeadcount(long activeMembers) {
        if (headcount != activeMembers) {
            headcount = (int) activeMembers;
            updatedAt = Instant.now();
            return true;
        }
        return false;
    }

    public boolean hasExited() {
        return status == TeamStatus.EXITED;
    }

    /** 409 once the team has exited: it can no longer change, nor can its members, certificates or drills. */
    public void assertNotExited() {
        if (hasExited()) {
            throw ProblemException.invalidTransition(Text.of("The team has exited the national sequence; it can no longer change"));
        }
    }

    private TeamStatusChange moveTo(TeamStatus to, LifecycleAction action, String reason, Caller by) {
        TeamStatus from = status;
        status = to;
        updatedAt = Instant.now();
        return TeamStatusChange.step(this, action, from, reason, by);
    }

    private boolean readiness(Readiness to) {
        if (readiness == to) {
            return false;
        }
        readiness = to;
        updatedAt = Instant.now();
        return true;
    }

    private void apply(Profile profile) {
        name = profile.name().trim();
        specialties = specialtiesOf(profile.specialties());
        baseLat = profile.baseLat();
        baseLon = profile.baseLon();
        baseAddress = profile.baseAddress();
        baseCity = profile.baseCity();
        dutyPhone = profile.dutyPhone();
        updatedAt = Instant.now();
    }

    private static String[] specialtiesOf(List<String> specialties) {
        return specialties == null ? new String[0] : specialties.stream().distinct().toArray(String[]::new);
    }
}
