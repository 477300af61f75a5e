package cn.rescueforce.kit.conditional;

import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ETagsTest {

    @Test
    void anEtagIsTheQuotedVersion() {
        assertEquals("\"7\"", ETags.of(7));
    }

    @Test
    void aChangeWithoutIfMatchIsRefusedWith428() {
        for (String missing : new String[]{null, "", "  "}) {
            ProblemException problem = assertThrows(ProblemException.class, () -> ETags.requireMatch(missing, 3));
            assertEquals(428, problem.status());
            assertEquals("https://rescue-force.cn/problems/precondition-required", problem.type());
        }
    }

    @Test
    void aChangeWithAStaleEtagIsRefusedWith412NamingBothVersions() {
        ProblemException problem = assertThrows(ProblemException.class, () -> ETags.requireMatch(" \"2\" ", 3));
        assertEquals(412, problem.status());
        assertEquals("https://rescue-force.cn/problems/precondition-failed", problem.type());
        assertEquals("The resource is at version \"3\", not \"2\"", problem.getMessage());
        assertThrows(ProblemException.class, () -> ETags.requireMatch("3", 3), "an unquoted version is not the ETag");
        assertThrows(ProblemException.class, () -> ETags.requireMatch("\"30\"", 3));
    }

    @Test
    void ifMatchAcceptsTheCurrentEtagWeakOrInAListOrAnyWithStar() {
        assertDoesNotThrow(() -> ETags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> ETags.requireMatch("*", 3));
    }

    @Test
    void ifNoneMatchTellsWhetherTheClientsCopyIsCurrent() {
        assertFalse(ETags.stillCurrent(null, 3));
        assertFalse(ETags.stillCurrent("\"2\"", 3));
        assertTrue(ETags.stillCurrent("\"3\"", 3));
        assertTrue(ETags.stillCurrent("W/\"3\"", 3));
        assertTrue(ETags.stillCurrent("\"1\",\"3\"", 3));
        assertTrue(ETags.stillCurrent("*", 3));
    }
}
