package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.assessment.api.model.EvaluationInput;
import cn.rescueforce.assessment.api.model.IndicatorScoreInput;
import cn.rescueforce.assessment.api.model.IndicatorSource;
import cn.rescueforce.assessment.standard.Standard;
import cn.rescueforce.assessment.support.StandardExamples;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The assessor's scores checked against the standard version (MR-MGT-1 veto with evidence, MR-MGT-2,
 * MR-EQP-1 from equipment, MR-TEC-1), every problem named by its indicator, without booting Quarkus.
 */
class EvaluationCheckTest {

    private final Standard standard = StandardExamples.published();

    private static IndicatorScoreInput score(String code, double score) {
        return new IndicatorScoreInput().indicatorCode(code).score(score);
    }

    private static EvaluationInput input(IndicatorScoreInput... scores) {
        return new EvaluationInput().leadAssessor("李明华").scores(new ArrayList<>(List.of(scores)));
    }

    private static IndicatorScoreInput withEvidence(IndicatorScoreInput score) {
        return score.evidence(List.of("evidence://2026/MR-MGT-1.pdf"));
    }

    private Map<String, String> problemsOf(EvaluationInput input) {
        ProblemException e = assertThrows(ProblemException.class, () -> EvaluationCheck.scoresOf(standard, input));
        assertEquals(400, e.status());
        return e.errors().stream().collect(Collectors.toMap(FieldError::field, f -> f.message().english()));
    }

    @Test
    void everyManualIndicatorScoredIsKeptWithItsSectionAndMaximum() {
        List<Evaluation.Score> scores = EvaluationCheck.scoresOf(standard, input(
                withEvidence(score("MR-MGT-1", 9.5)).vetoTriggered(true).comment("值班人员不足"), score("MR-MGT-2", 5), score("MR-TEC-1", 0)));
        assertEquals(3, scores.size());
        Evaluation.Score first = scores.get(0);
        assertEquals("MGT", first.sectionCode);
        assertEquals(10.0, first.maxScore);
        assertEquals(9.5, first.score);
        assertTrue(first.vetoTriggered);
        assertEquals(IndicatorSource.MANUAL, first.source);
        assertEquals(List.of("evidence://2026/MR-MGT-1.pdf"), first.evidence);
        assertEquals("TEC", scores.get(2).sectionCode);
    }

    @Test
    void scoresOutsideTheRangeUnknownOrRepeatedIndicatorsAreNamed() {
        Map<String, String> problems = problemsOf(input(
                withEvidence(score("MR-MGT-1", 10.5)), score("MR-MGT-2", -1), score("MR-MGT-2", 3), score("MR-TEC-1", 5),
                score("XX-9", 1)));
        assertEquals("must be between 0 and 10", problems.get("scores[MR-MGT-1].score"));
        assertEquals("must be between 0 and 5", problems.get("scores[MR-MGT-2].score"));
        assertEquals("scored more than once", problems.get("scores[MR-MGT-2]"));
        assertEquals("no such indicator in standard MINE-RESCUE version 2", problems.get("scores[XX-9].indicatorCode"));
        assertEquals(4, problems.size());
    }

    @Test
    void aVetoOnlyOnAVetoIndicatorWhileEvidenceMayFollowTheScores() {
        Map<String, String> problems = problemsOf(input(
                score("MR-MGT-1", 8), score("MR-MGT-2", 5).vetoTriggered(true), score("MR-TEC-1", 5)));
        assertEquals("indicator MR-MGT-2 is not a veto indicator", problems.get("scores[MR-MGT-2].vetoTriggered"));
        // MR-MGT-1 requires evidence and has none: the finalization refuses it, not the submission
        assertEquals(1, problems.size());
    }

    @Test
    void everyManualIndicatorMustBeScoredAndTheEquipmentOneMustNotBeSent() {
        Map<String, String> problems = problemsOf(input(withEvidence(score("MR-MGT-1", 8)), score("MR-EQP-1", 20)));
        assertEquals("filled from equipment-api's compliance report at submission; do not send it", problems.get("scores[MR-EQP-1]"));
        assertEquals("indicator not scored", problems.get("scores[MR-MGT-2]"));
        assertEquals("indicator not scored", problems.get("scores[MR-TEC-1]"));
        assertEquals(3, problems.size());
    }

    @Test
    void numbersAreWrittenWithoutTrailingZeros() {
        assertEquals("10", EvaluationCheck.plain(10.0));
        assertEquals("7.5", EvaluationCheck.plain(7.50));
        assertEquals("95", EvaluationCheck.plain(95));
    }
}
