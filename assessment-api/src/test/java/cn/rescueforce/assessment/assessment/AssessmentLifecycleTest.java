package cn.rescueforce.assessment.assessment;

import cn.rescueforce.assessment.api.model.AssessmentType;
import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.evaluation.Evaluation;
import cn.rescueforce.assessment.standard.Standard;
import cn.rescueforce.assessment.support.StandardExamples;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.ManagementLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static cn.rescueforce.kit.problem.Problem.TYPE_BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An assessment's transitions without booting Quarkus: SCHEDULED → SUBMITTED (first evaluation) → FINALIZED,
 * appealed once back to SUBMITTED; CANCELLED while open. Illegal steps answer the problems the API answers.
 */
class AssessmentLifecycleTest {

    private static final Instant SCHEDULED_AT = Instant.parse("2026-04-01T02:00:00Z");
    private static final Instant SUBMITTED_AT = Instant.parse("2026-04-20T06:30:00Z");
    private static final Instant FINALIZED_AT = Instant.parse("2026-05-02T23:30:00Z");
    private static final Assessment.AssessedTeam TEAM = new Assessment.AssessedTeam(UUID.randomUUID(), "MR-510000-001",
            "四川省矿山救援队", TeamCategory.MINING, "510000", "成都市", UUID.randomUUID());

    private final Standard standard = StandardExamples.published();

    private Assessment scheduled() {
        return Assessment.schedule(TEAM, AssessmentType.PERIODIC, standard, UUID.randomUUID(), LocalDate.of(2026, 5, 31),
                "年度定期考核", "national-sub", ManagementLevel.NATIONAL, SCHEDULED_AT);
    }

    private Assessment submitted() {
        Assessment assessment = scheduled();
        assessment.evaluationRecorded(SUBMITTED_AT);
        return assessment;
    }

    /** The totals, and the one indicator of the standard that requires evidence (MR-MGT-1) citing an evidence file. */
    private static Evaluation evaluation(double total, boolean veto) {
        Evaluation evaluation = new Evaluation();
        evaluation.totalScore = total;
        evaluation.maxTotal = 45;
        evaluation.vetoTriggered = veto;
        Evaluation.Score withEvidence = new Evaluation.Score();
        withEvidence.indicatorCode = "MR-MGT-1";
        withEvidence.evidenceFiles = new ArrayList<>(List.of(UUID.randomUUID()));
        evaluation.scores = new ArrayList<>(List.of(withEvidence));
        return evaluation;
    }

    @Test
    void finalizingRefusesAnEvaluationWhoseEvidenceRequiringIndicatorsCiteNone() {
        Assessment assessment = submitted();
        Evaluation withoutEvidence = evaluation(40, false);
        withoutEvidence.scores.get(0).evidenceFiles.clear();
        ProblemException refused = assertThrows(ProblemException.class,
                () -> assessment.finalizeWith(withoutEvidence, standard, ManagementLevel.NATIONAL, FINALIZED_AT));
        assertEquals(409, refused.status());
        assertEquals("https://rescue-force.cn/problems/evidence-missing", refused.type());
        assertEquals("scores[MR-MGT-1].evidenceFiles", refused.errors().get(0).field());
        assertEquals(Assessment.Status.SUBMITTED, assessment.status);
        withoutEvidence.scores.get(0).evidence = new ArrayList<>(List.of("档案号 2026-031"));
        assessment.finalizeWith(withoutEvidence, standard, ManagementLevel.NATIONAL, FINALIZED_AT);
        assertEquals(Assessment.Status.FINALIZED, assessment.status);
    }

    private Assessment finalized(double total) {
        Assessment assessment = submitted();
        assessment.finalizeWith(evaluation(total, false), standard, ManagementLevel.NATIONAL, FINALIZED_AT);
        return assessment;
    }

    @Test
    void schedulingCopiesTheTeamAndFixesTheStandardVersion() {
        Assessment assessment = scheduled();
        assertEquals(Assessment.Status.SCHEDULED, assessment.status);
        assertEquals(TEAM.id(), assessment.teamId);
        assertEquals(TeamCategory.MINING, assessment.teamCategory);
        assertTrue(assessment.isMining());
        assertEquals("MINE-RESCUE", assessment.standardCode);
        assertEquals(2, assessment.standardVersion);
        assertEquals(ManagementLevel.NATIONAL, assessment.scheduledByLevel);
        assertEquals(0, assessment.finalizationRound);
    }

    @Test
    void schedulingNeedsThePublishedStandardOfTheTeamsCategory() {
        Assessment.AssessedTeam chemical = new Assessment.AssessedTeam(UUID.randomUUID(), "HC-1", "危化品救援队",
                TeamCategory.HAZARDOUS_CHEMICALS, "510000", null, UUID.randomUUID());
        ProblemException otherCategory = assertThrows(ProblemException.class, () -> Assessment.schedule(chemical,
                AssessmentType.PERIODIC, standard, UUID.randomUUID(), LocalDate.of(2026, 5, 31), null, "n", ManagementLevel.NATIONAL, SCHEDULED_AT));
        assertEquals(400, otherCategory.status());
        ProblemException draft = assertThrows(ProblemException.class, () -> Assessment.schedule(TEAM, AssessmentType.PERIODIC,
                StandardExamples.draft(), UUID.randomUUID(), LocalDate.of(2026, 5, 31), null, "n", ManagementLevel.NATIONAL, SCHEDULED_AT));
        assertEquals(409, draft.status());
    }

    @Test
    void theFirstEvaluationSubmitsAndACorrectionOnlyTouches() {
        Assessment assessment = submitted();
        assertEquals(Assessment.Status.SUBMITTED, assessment.status);
        assertEquals(SUBMITTED_AT, assessment.submittedAt);
        Instant corrected = SUBMITTED_AT.plusSeconds(600);
        assessment.evaluationRecorded(corrected);
        assertEquals(SUBMITTED_AT, assessment.submittedAt);
        assertEquals(corrected, assessment.updatedAt);
    }

    @Test
    void theEvaluationOfAClosedAssessmentNoLongerChanges() {
        Assessment assessment = finalized(36);
        ProblemException closed = assertThrows(ProblemException.class, assessment::assertEvaluationMayChange);
        assertEquals(TYPE_BASE + "invalid-transition", closed.type());
        assertEquals("The evaluation of a FINALIZED assessment can no longer change", closed.getMessage());
        assertThrows(ProblemException.class, () -> assessment.evaluationRecorded(FINALIZED_AT));
    }

    @Test
    void anOpenAssessmentIsCancelledOnce() {
        Assessment assessment = scheduled();
        assessment.cancel("  队伍正在执行救援任务 ", SUBMITTED_AT);
        assertEquals(Assessment.Status.CANCELLED, assessment.status);
        assertEquals("队伍正在执行救援任务", assessment.cancellationReason);
        ProblemException again = assertThrows(ProblemException.class, () -> assessment.cancel("再次取消", SUBMITTED_AT));
        assertEquals(TYPE_BASE + "invalid-transition", again.type());
        assertEquals("Only a SCHEDULED or SUBMITTED assessment can be cancelled; this one is CANCELLED", again.getMessage());

        Assessment submitted = submitted();
        submitted.cancel("改期", FINALIZED_AT);
        assertEquals(Assessment.Status.CANCELLED, submitted.status);
    }

    @Test
    void finalizingGradesByTheThresholdsAndCountsTheRound() {
        Assessment assessment = finalized(36);
        assertEquals(Assessment.Status.FINALIZED, assessment.status);
        assertEquals(Grade.GRADE_2, assessment.grade);
        assertEquals(36.0, assessment.totalScore);
        assertEquals(45.0, assessment.maxTotal);
        assertFalse(assessment.vetoTriggered);
        // valid for the standard's 24 months from the day of finalization (UTC)
        assertEquals(LocalDate.of(2028, 5, 2), assessment.validUntil);
        assertEquals(ManagementLevel.NATIONAL, assessment.finalizedByLevel);
        assertEquals(1, assessment.finalizationRound);
    }

    @Test
    void aFailHasNoValidityAndAVetoFailsWhateverTheTotal() {
        Assessment low = finalized(20);
        assertEquals(Grade.FAIL, low.grade);
        assertNull(low.validUntil);

        Assessment vetoed = submitted();
        vetoed.finalizeWith(evaluation(44, true), standard, ManagementLevel.PROVINCIAL, FINALIZED_AT);
        assertEquals(Grade.FAIL, vetoed.grade);
        assertTrue(vetoed.vetoTriggered);
    }

    @Test
    void onlyTheNationalLevelFinalizesAGrade1() {
        Assessment assessment = submitted();
        ProblemException forbidden = assertThrows(ProblemException.class,
                () -> assessment.finalizeWith(evaluation(44, false), standard, ManagementLevel.PROVINCIAL, FINALIZED_AT));
        assertEquals(403, forbidden.status());
        assertEquals(Assessment.Status.SUBMITTED, assessment.status);
        assessment.finalizeWith(evaluation(36, false), standard, ManagementLevel.MINE_SAFETY, FINALIZED_AT);
        assertEquals(Grade.GRADE_2, assessment.grade);
    }

    @Test
    void aFinalizationPinnedToAnEvaluationItsAssessorCorrectedSinceIsRefusedWith412() {
        Assessment assessment = submitted();
        Evaluation corrected = evaluation(36, false);
        corrected.version = 1;
        ProblemException stale = assertThrows(ProblemException.class,
                () -> assessment.finalizeWith(corrected, "\"0\"", standard, ManagementLevel.NATIONAL, FINALIZED_AT));
        assertEquals(412, stale.status());
        assertEquals(TYPE_BASE + "precondition-failed", stale.type());
        assertEquals(Assessment.Status.SUBMITTED, assessment.status);
        assertNull(assessment.grade);

        assessment.finalizeWith(corrected, "\"1\"", standard, ManagementLevel.NATIONAL, FINALIZED_AT);
        assertEquals(Assessment.Status.FINALIZED, assessment.status);
        assertEquals(Grade.GRADE_2, assessment.grade);
    }

    @Test
    void aFinalizedAssessmentAnswersInvalidTransitionWhateverEvaluationETagIsSent() {
        Assessment assessment = finalized(36);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> assessment.finalizeWith(evaluation(36, false), "\"7\"", standard, ManagementLevel.NATIONAL, FINALIZED_AT));
        assertEquals(TYPE_BASE + "invalid-transition", refused.type());
    }

    @Test
    void onlyASubmittedAssessmentIsFinalizedAndItsEvaluationIsNotReadBefore() {
        Assessment assessment = scheduled();
        ProblemException refused = assertThrows(ProblemException.class,
                () -> assessment.finalizeWith(null, standard, ManagementLevel.NATIONAL, FINALIZED_AT));
        assertEquals(TYPE_BASE + "invalid-transition", refused.type());
        assertEquals("Only a SUBMITTED assessment can be finalized; this one is SCHEDULED", refused.getMessage());
    }

    @Test
    void aFinalizedResultIsAppealedOnceAndReviewedAgain() {
        Assessment assessment = finalized(31);
        Instant appealedAt = FINALIZED_AT.plusSeconds(3600);
        assessment.appeal(" 申请复核 ", "unit-sub", appealedAt);
        assertEquals(Assessment.Status.SUBMITTED, assessment.status);
        assertEquals("申请复核", assessment.appealReason);
        assertEquals("unit-sub", assessment.appealedBy);
        assertNull(assessment.grade);
        assertNull(assessment.validUntil);
        assertNull(assessment.totalScore);
        assertNull(assessment.finalizedByLevel);

        assessment.finalizeWith(evaluation(36, false), standard, ManagementLevel.PROVINCIAL, appealedAt.plusSeconds(60));
        assertEquals(Grade.GRADE_2, assessment.grade);
        assertEquals(2, assessment.finalizationRound);
        ProblemException twice = assertThrows(ProblemException.class, () -> assessment.appeal("再次申请", "unit-sub", appealedAt));
        assertEquals(TYPE_BASE + "already-appealed", twice.type());
    }

    @Test
    void onlyAFinalizedAssessmentIsAppealed() {
        ProblemException refused = assertThrows(ProblemException.class, () -> submitted().appeal("复核", "unit-sub", FINALIZED_AT));
        assertEquals(TYPE_BASE + "invalid-transition", refused.type());
    }

    @Test
    void anOpenAssessmentPastItsDueDayIsOverdue() {
        Assessment assessment = scheduled();
        assertFalse(assessment.isOverdue(LocalDate.of(2026, 5, 31)));
        assertTrue(assessment.isOverdue(LocalDate.of(2026, 6, 1)));
        assessment.cancel("改期", SUBMITTED_AT);
        assertFalse(assessment.isOverdue(LocalDate.of(2026, 6, 1)));
    }
}
