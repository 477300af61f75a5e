package cn.rescueforce.assessment.evaluation;

import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.IndicatorSource;
import cn.rescueforce.assessment.standard.Standard;
import cn.rescueforce.assessment.standard.StandardSection;
import cn.rescueforce.assessment.support.StandardExamples;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The totals an evaluation keeps, and the equipment indicator's score, without booting Quarkus. */
class EvaluationTotalsTest {

    private static final Instant NOW = Instant.parse("2026-04-20T06:30:00Z");

    private final Standard standard = StandardExamples.published();

    private static Evaluation.Score manual(String code, String section, double score, boolean veto) {
        Evaluation.Score line = new Evaluation.Score();
        line.indicatorCode = code;
        line.sectionCode = section;
        line.score = score;
        line.vetoTriggered = veto;
        line.source = IndicatorSource.MANUAL;
        return line;
    }

    private Evaluation.EquipmentFigure figure(double percent) {
        StandardSection.Indicator equipment = standard.equipmentIndicator().orElseThrow();
        return Evaluation.EquipmentFigure.of(equipment, percent, 3, 1, NOW);
    }

    private Evaluation recorded(List<Evaluation.Score> scores, Evaluation.EquipmentFigure figure) {
        Evaluation evaluation = Evaluation.first(UUID.randomUUID(), NOW);
        evaluation.record(scores, figure, "李明华", "现场考核完成", "hash", standard, "assessor-sub", NOW);
        return evaluation;
    }

    @Test
    void theEquipmentScoreIsItsMaximumTimesTheCompliancePercentage() {
        Evaluation.EquipmentFigure figure = figure(87.333);
        assertEquals(17.47, figure.score);
        assertEquals("MR-EQP-1", figure.indicatorCode);
        Evaluation.Score line = Evaluation.Score.fromEquipment(standard.equipmentIndicator().orElseThrow(), "EQP", figure);
        assertEquals(17.47, line.score);
        assertEquals(20.0, line.maxScore);
        assertEquals(IndicatorSource.EQUIPMENT_COMPLIANCE, line.source);
        assertEquals("达标率 87.333%（装备符合性报告）", line.comment);
    }

    @Test
    void scoresAreKeptInTheStandardsOrderAndAddedUp() {
        Evaluation.EquipmentFigure figure = figure(95);
        List<Evaluation.Score> scores = new ArrayList<>(List.of(manual("MR-TEC-1", "TEC", 8.5, false),
                manual("MR-MGT-2", "MGT", 4, false), manual("MR-MGT-1", "MGT", 9, false)));
        scores.add(Evaluation.Score.fromEquipment(standard.equipmentIndicator().orElseThrow(), "EQP", figure));
        Evaluation evaluation = recorded(scores, figure);
        assertEquals(List.of("MR-MGT-1", "MR-MGT-2", "MR-EQP-1", "MR-TEC-1"),
                evaluation.scores.stream().map(s -> s.indicatorCode).toList());
        assertEquals(40.5, evaluation.totalScore);
        assertEquals(45.0, evaluation.maxTotal);
        assertFalse(evaluation.vetoTriggered);
        assertEquals(Grade.GRADE_1, evaluation.indicatedGrade);
        assertEquals(figure, evaluation.equipment);
        assertEquals(NOW, evaluation.submittedAt);
    }

    @Test
    void anyTriggeredVetoIndicatesAFail() {
        Evaluation evaluation = recorded(List.of(manual("MR-MGT-1", "MGT", 10, true), manual("MR-MGT-2", "MGT", 5, false),
                manual("MR-TEC-1", "TEC", 10, false)), null);
        assertTrue(evaluation.vetoTriggered);
        assertEquals(25.0, evaluation.totalScore);
        assertEquals(Grade.FAIL, evaluation.indicatedGrade);
    }

    @Test
    void theTotalIsKeptToTwoDecimals() {
        Evaluation evaluation = recorded(List.of(manual("MR-MGT-1", "MGT", 0.1, false), manual("MR-MGT-2", "MGT", 0.2, false),
                manual("MR-TEC-1", "TEC", 30.004, false)), null);
        assertEquals(30.3, evaluation.totalScore);
        assertEquals(Grade.GRADE_3, evaluation.indicatedGrade);
    }
}
