package cn.rescueforce.teams.nearest;

import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.model.Grade;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A minimum grade accepts it and the grades above it (GRADE_1 is the highest); FAIL is no minimum. */
class AcceptedGradesTest {

    @Test
    void aMinimumAcceptsItselfAndTheHigherGrades() {
        assertEquals(List.of(Grade.GRADE_1), NearestTeamSearch.acceptedGrades(Grade.GRADE_1));
        assertEquals(List.of(Grade.GRADE_1, Grade.GRADE_2), NearestTeamSearch.acceptedGrades(Grade.GRADE_2));
        assertEquals(List.of(Grade.GRADE_1, Grade.GRADE_2, Grade.GRADE_3), NearestTeamSearch.acceptedGrades(Grade.GRADE_3));
    }

    @Test
    void noMinimumAcceptsAnyTeamEvenAnUngradedOne() {
        assertNull(NearestTeamSearch.acceptedGrades(null));
    }

    @Test
    void failIsNotAMinimum() {
        ProblemException problem = assertThrows(ProblemException.class, () -> NearestTeamSearch.acceptedGrades(Grade.FAIL));
        assertEquals("minGrade", problem.errors().get(0).field());
    }
}
