package cn.rescueforce.assessment.standard;

import cn.rescueforce.assessment.api.model.IndicatorSource;
import cn.rescueforce.assessment.support.StandardExamples;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.rescueforce.assessment.support.StandardExamples.indicator;
import static cn.rescueforce.assessment.support.StandardExamples.section;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** What a draft may say: checked as a whole, every problem named by its field in the request. */
class StandardContentTest {

    @Test
    void theMaximumTotalIsTheSumOfTheIndicators() {
        assertEquals(45.0, StandardExamples.miningContent().maxTotal());
        StandardExamples.miningContent().assertValid();
    }

    @Test
    void thresholdsMustFallAndGrade1MustBeReachable() {
        assertEquals(List.of("thresholds"), fieldsOf(StandardExamples.content(35, 35, 30)));
        assertEquals(List.of("thresholds.grade1"), fieldsOf(StandardExamples.content(46, 35, 30)));
        assertEquals(List.of("thresholds", "thresholds.grade1"), fieldsOf(StandardExamples.content(50, 60, 30)));
    }

    @Test
    void codesAreUniqueAndOneIndicatorAtMostIsFilledFromEquipment() {
        StandardContent content = new StandardContent("重复", List.of(
                section("MGT", indicator("A-1", 10, false, false, IndicatorSource.MANUAL),
                        indicator("A-2", 10, false, false, IndicatorSource.EQUIPMENT_COMPLIANCE)),
                section("MGT", indicator("A-1", 10, false, false, IndicatorSource.MANUAL),
                        indicator("A-3", 10, false, false, IndicatorSource.EQUIPMENT_COMPLIANCE))),
                30, 20, 10, 24);
        assertEquals(List.of("sections[1].code", "sections[1].indicators[0].code", "sections[1].indicators[1].source"),
                fieldsOf(content));
    }

    private static List<String> fieldsOf(StandardContent content) {
        ProblemException e = assertThrows(ProblemException.class, content::assertValid);
        assertEquals(400, e.status());
        return e.errors().stream().map(FieldError::field).toList();
    }
}
