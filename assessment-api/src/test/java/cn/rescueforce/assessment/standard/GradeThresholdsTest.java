package cn.rescueforce.assessment.standard;

import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.support.StandardExamples;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The grade by the standard's thresholds (40 / 35 / 30 here), without booting Quarkus. */
class GradeThresholdsTest {

    private final Standard standard = StandardExamples.published();

    @Test
    void eachThresholdIsTheLowestTotalOfItsGrade() {
        assertEquals(Grade.GRADE_1, standard.gradeFor(45, false));
        assertEquals(Grade.GRADE_1, standard.gradeFor(40, false));
        assertEquals(Grade.GRADE_2, standard.gradeFor(39.99, false));
        assertEquals(Grade.GRADE_2, standard.gradeFor(35, false));
        assertEquals(Grade.GRADE_3, standard.gradeFor(34.99, false));
        assertEquals(Grade.GRADE_3, standard.gradeFor(30, false));
        assertEquals(Grade.FAIL, standard.gradeFor(29.99, false));
        assertEquals(Grade.FAIL, standard.gradeFor(0, false));
    }

    @Test
    void aTriggeredVetoFailsWhateverTheTotal() {
        assertEquals(Grade.FAIL, standard.gradeFor(45, true));
        assertEquals(Grade.FAIL, standard.gradeFor(30, true));
    }

    @Test
    void aPassIsValidForTheStandardsMonthsAndAFailForNothing() {
        LocalDate finalizedOn = LocalDate.of(2026, 1, 31);
        assertEquals(LocalDate.of(2028, 1, 31), standard.validUntil(Grade.GRADE_1, finalizedOn));
        assertEquals(LocalDate.of(2028, 1, 31), standard.validUntil(Grade.GRADE_3, finalizedOn));
        assertNull(standard.validUntil(Grade.FAIL, finalizedOn));
    }
}
