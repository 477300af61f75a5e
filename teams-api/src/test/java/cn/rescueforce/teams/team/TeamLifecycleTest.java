package cn.rescueforce.teams.team;

import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.AssessmentType;
import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.LifecycleAction;
import cn.rescueforce.teams.api.model.Readiness;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TeamStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A team's own transitions and invariants, on a team in memory: legal steps and the problems of illegal ones. */
class TeamLifecycleTest {

    static final Caller NATIONAL = new Caller("national-1", ManagementLevel.NATIONAL, null, null);
    static final Caller PROVINCE = new Caller("sichuan-1", ManagementLevel.PROVINCIAL, "510000", null);
    static final Caller ASSESSMENT_API = new Caller("assessment-api", ManagementLevel.SERVICE, null, null);
    static final LocalDate VALID_UNTIL = LocalDate.of(2029, 12, 31);

    static Team proposed() {
        return Team.propose("MR-510000-001", TeamCategory.MINING, "510000", UUID.randomUUID(), new Team.Profile(
                " 国家矿山应急救援芙蓉队 ", List.of("MINE_FIRE", "MINE_FIRE", "GAS_EXPLOSION"), 28.2147, 104.9658,
                "珙县巡场镇", "宜宾市", "0831-4561119"));
    }

    static Team active() {
        Team team = proposed();
        team.designate("验收合格", NATIONAL);
        return team;
    }

    static Team exited() {
        Team team = active();
        team.exit("连续两次考核不合格", NATIONAL);
        return team;
    }

    static void refused(int status, String type, Executable change) {
        ProblemException problem = assertThrows(ProblemException.class, change);
        assertEquals(status, problem.status());
        assertEquals("https://rescue-force.cn/problems/" + type, problem.type());
    }

    @Test
    void aRegisteredTeamIsProposedOnStandbyWithItsProfileTidied() {
        Team team = proposed();
        assertEquals(TeamStatus.PROPOSED, team.status);
        assertEquals(Readiness.STANDBY, team.readiness);
        assertEquals("国家矿山应急救援芙蓉队", team.name);
        assertArrayEquals(new String[]{"MINE_FIRE", "GAS_EXPLOSION"}, team.specialties);
        assertEquals(0, team.headcount);
        assertFalse(team.exitProposed);
    }

    @Test
    void designationTakesAProposedTeamIntoTheSequenceAndSaysWhoDecidedWhy() {
        Team team = proposed();
        TeamStatusChange step = team.designate("验收合格", NATIONAL);
        assertEquals(TeamStatus.ACTIVE, team.status);
        assertEquals(team.id, step.teamId);
        assertEquals(LifecycleAction.DESIGNATED, step.action);
        assertEquals(TeamStatus.PROPOSED, step.fromStatus);
        assertEquals(TeamStatus.ACTIVE, step.toStatus);
        assertEquals("验收合格", step.reason);
        assertEquals("national-1", step.actorSub);
        assertEquals(ManagementLevel.NATIONAL, step.actorLevel);
        assertTrue(step.changedStatus());
    }

    @Test
    void aTeamInRectificationReturnsByDesignation() {
        Team team = active();
        TeamStatusChange step = team.placeInRectification("演练不达标", NATIONAL);
        assertEquals(TeamStatus.RECTIFICATION, team.status);
        assertEquals(TeamStatus.ACTIVE, step.fromStatus);
        team.designate("整改完成", NATIONAL);
        assertEquals(TeamStatus.ACTIVE, team.status);
    }

    @Test
    void onlyAProposedTeamOrOneInRectificationIsDesignated() {
        Team team = active();
        ProblemException problem = assertThrows(ProblemException.class, () -> team.designate("再次认定", NATIONAL));
        assertEquals(409, problem.status());
        assertEquals("https://rescue-force.cn/problems/invalid-transition", problem.type());
        assertEquals("Only a PROPOSED team or one in RECTIFICATION can be designated; this team is ACTIVE", problem.getMessage());
        refused(409, "invalid-transition", () -> exited().designate("恢复", NATIONAL));
    }

    @Test
    void onlyAnActiveTeamIsPlacedInRectification() {
        refused(409, "invalid-transition", () -> proposed().placeInRectification("整改", NATIONAL));
        Team rectifying = active();
        rectifying.placeInRectification("整改", NATIONAL);
        refused(409, "invalid-transition", () -> rectifying.placeInRectification("整改", NATIONAL));
        assertEquals(TeamStatus.RECTIFICATION, rectifying.status);
    }

    @Test
    void anExitedTeamIsUnavailableWithNoExitPendingAndNoLongerChanges() {
        Team team = active();
        team.proposeExit("连续两次考核不合格", PROVINCE);
        TeamStatusChange step = team.exit("退出国家队序列", NATIONAL);
        assertEquals(TeamStatus.EXITED, team.status);
        assertEquals(TeamStatus.ACTIVE, step.fromStatus);
        assertEquals(Readiness.UNAVAILABLE, team.readiness);
        assertFalse(team.exitProposed);

        refused(409, "invalid-transition", () -> team.exit("again", NATIONAL));
        refused(409, "invalid-transition", () -> team.proposeExit("again", PROVINCE));
        refused(409, "invalid-transition", () -> team.changeReadiness(Readiness.STANDBY));
        refused(409, "invalid-transition", () -> team.changeProfile(new Team.Profile("新名称", List.of(), 30, 104, null, null, "028-1")));
        refused(409, "invalid-transition", () -> team.applyAssessmentResult(AssessmentType.PERIODIC, Grade.GRADE_1, VALID_UNTIL, "assessment", ASSESSMENT_API));
        refused(409, "invalid-transition", team::assertNotExited);
        assertEquals(Readiness.UNAVAILABLE, team.readiness);
    }

    @Test
    void anExitIsProposedOnceAndTheStatusStays() {
        Team team = active();
        TeamStatusChange step = team.proposeExit("连续两次考核不合格", PROVINCE);
        assertTrue(team.exitProposed);
        assertEquals(TeamStatus.ACTIVE, team.status);
        assertEquals(LifecycleAction.EXIT_PROPOSED, step.action);
        assertEquals(TeamStatus.ACTIVE, step.fromStatus);
        assertEquals(TeamStatus.ACTIVE, step.toStatus);
        assertEquals("510000", step.actorRegion);
        assertFalse(step.changedStatus());
        refused(409, "exit-already-proposed", () -> team.proposeExit("again", PROVINCE));
    }

    @Test
    void aPassedAcceptanceGradesAndDesignatesAProposedTeam() {
        Team team = proposed();
        Team.AssessmentOutcome outcome = team.applyAssessmentResult(AssessmentType.ACCEPTANCE, Grade.GRADE_2, VALID_UNTIL,
                "assessment A", ASSESSMENT_API);
        assertEquals(Grade.GRADE_2, team.grade);
        assertEquals(VALID_UNTIL, team.gradeValidUntil);
        assertEquals(TeamStatus.ACTIVE, team.status);
        assertEquals(List.of("grade", "gradeValidUntil"), outcome.changed());
        assertEquals(1, outcome.steps().size());
        assertEquals(LifecycleAction.DESIGNATED, outcome.steps().get(0).action);
        assertEquals("Passed acceptance assessment A with GRADE_2", outcome.steps().get(0).reason);
    }

    @Test
    void aPassOtherThanAcceptanceLeavesAProposedTeamProposed() {
        Team team = proposed();
        Team.AssessmentOutcome outcome = team.applyAssessmentResult(AssessmentType.PERIODIC, Grade.GRADE_1, VALID_UNTIL,
                "assessment A", ASSESSMENT_API);
        assertEquals(TeamStatus.PROPOSED, team.status);
        assertTrue(outcome.steps().isEmpty());
    }

    @Test
    void aPassNeedsItsValidity() {
        Team team = active();
        ProblemException problem = assertThrows(ProblemException.class,
                () -> team.applyAssessmentResult(AssessmentType.PERIODIC, Grade.GRADE_1, null, "assessment A", ASSESSMENT_API));
        assertEquals(400, problem.status());
        assertEquals("validUntil", problem.errors().get(0).field());
        assertNull(team.grade);
    }

    @Test
    void aFailPutsAnActiveTeamInRectificationAndASecondInARowProposesItsExit() {
        Team team = active();
        Team.AssessmentOutcome first = team.applyAssessmentResult(AssessmentType.PERIODIC, Grade.FAIL, VALID_UNTIL,
                "assessment A", ASSESSMENT_API);
        assertEquals(TeamStatus.RECTIFICATION, team.status);
        assertEquals(Grade.FAIL, team.grade);
        assertNull(team.gradeValidUntil);
        assertEquals(1, team.consecutiveFails);
        assertFalse(team.exitProposed);
        assertEquals(List.of(LifecycleAction.PLACED_IN_RECTIFICATION), first.steps().stream().map(s -> s.action).toList());
        assertEquals("Failed assessment A", first.steps().get(0).reason);

        Team.AssessmentOutcome second = team.applyAssessmentResult(AssessmentType.REASSESSMENT, Grade.FAIL, null,
                "assessment B", ASSESSMENT_API);
        assertEquals(TeamStatus.RECTIFICATION, team.status);
        assertEquals(2, team.consecutiveFails);
        assertTrue(team.exitProposed);
        assertEquals(List.of("grade", "gradeValidUntil", "exitProposed"), second.changed());
        TeamStatusChange proposal = second.steps().get(0);
        assertEquals(LifecycleAction.EXIT_PROPOSED, proposal.action);
        assertFalse(proposal.changedStatus());
        assertEquals("Second consecutive failed assessment (assessment B): exit review", proposal.reason);

        Team.AssessmentOutcome third = team.applyAssessmentResult(AssessmentType.REASSESSMENT, Grade.FAIL, null,
                "assessment C", ASSESSMENT_API);
        assertTrue(third.steps().isEmpty(), "the exit is proposed once");
    }

    @Test
    void aPassEndsARunOfFails() {
        Team team = active();
        team.applyAssessmentResult(AssessmentType.PERIODIC, Grade.FAIL, null, "assessment A", ASSESSMENT_API);
        team.applyAssessmentResult(AssessmentType.REASSESSMENT, Grade.GRADE_3, VALID_UNTIL, "assessment B", ASSESSMENT_API);
        assertEquals(0, team.consecutiveFails);
        assertEquals(TeamStatus.RECTIFICATION, team.status, "a pass does not end rectification: national designates");
        team.applyAssessmentResult(AssessmentType.PERIODIC, Grade.FAIL, null, "assessment C", ASSESSMENT_API);
        assertFalse(team.exitProposed);
    }

    @Test
    void readinessChangesOnlyWhenItDiffers() {
        Team team = active();
        assertFalse(team.changeReadiness(Readiness.STANDBY));
        assertTrue(team.changeReadiness(Readiness.UNAVAILABLE));
        assertEquals(Readiness.UNAVAILABLE, team.readiness);
    }

    @Test
    void aMissionTakesTheTeamOnMissionAndItsEndBringsItBack() {
        Team completed = active();
        assertTrue(completed.sendOnMission());
        assertEquals(Readiness.ON_MISSION, completed.readiness);
        assertTrue(completed.recoverFromMission());
        assertEquals(Readiness.RECOVERING, completed.readiness);

        Team cancelled = active();
        cancelled.sendOnMission();
        assertTrue(cancelled.releaseFromMission());
        assertEquals(Readiness.STANDBY, cancelled.readiness);
    }

    @Test
    void aCancelledOrderLeavesAReadinessChangedSinceTheTeamWentOut() {
        Team team = active();
        team.sendOnMission();
        team.changeReadiness(Readiness.UNAVAILABLE);
        assertFalse(team.releaseFromMission());
        assertEquals(Readiness.UNAVAILABLE, team.readiness);
    }

    @Test
    void onlyAnAvailableTeamInTheSequenceIsMobilized() {
        refused(409, "invalid-transition", () -> proposed().sendOnMission());
        refused(409, "invalid-transition", () -> exited().assertMobilizable());
        Team rectifying = active();
        rectifying.placeInRectification("整改", NATIONAL);
        assertTrue(rectifying.sendOnMission());
        Team unavailable = active();
        unavailable.changeReadiness(Readiness.UNAVAILABLE);
        refused(409, "team-unavailable", unavailable::sendOnMission);
        assertEquals(Readiness.UNAVAILABLE, unavailable.readiness);
    }

    @Test
    void theHeadcountIsTheNumberOfActiveMembers() {
        Team team = active();
        team.recountHeadcount(27);
        assertEquals(27, team.headcount);
        team.recountHeadcount(26);
        assertEquals(26, team.headcount);
    }

    @Test
    void aProfileChangeNamesTheFieldsThatDiffer() {
        Team team = active();
        Team.Profile same = new Team.Profile("国家矿山应急救援芙蓉队", List.of("MINE_FIRE", "GAS_EXPLOSION"), 28.2147, 104.9658,
                "珙县巡场镇", "宜宾市", "0831-4561119");
        assertEquals(List.of(), team.changeProfile(same));
        Team.Profile moved = new Team.Profile("国家矿山应急救援芙蓉队", List.of("MINE_FIRE", "GAS_EXPLOSION"), 28.3, 104.9658,
                "珙县巡场镇", "宜宾市", "0831-4561120");
        assertEquals(List.of("baseLocation", "dutyPhone"), team.changeProfile(moved));
        assertEquals(28.3, team.baseLat);
        assertEquals("0831-4561120", team.dutyPhone);
    }
}
