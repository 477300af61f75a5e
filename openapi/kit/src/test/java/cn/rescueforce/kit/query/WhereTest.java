package cn.rescueforce.kit.query;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhereTest {

    @Test
    void withoutFiltersItSelectsEverything() {
        Where where = new Where().equal("status", null).atLeast("at", null).contains("name", null).contains("name", "  ")
                .condition(false, "closedAt is null");

        assertTrue(where.isEmpty());
        assertEquals("", where.query());
        assertEquals("", where.clause());
        assertEquals(Map.of(), where.parameterMap());
    }

    @Test
    void eachGivenFilterAddsOneConditionWithANamedParameter() {
        Where where = new Where()
                .equal("status", "ACTIVE")
                .atLeast("issuedAt", 3)
                .before("issuedAt", 9)
                .atMost("headcount", 40)
                .condition(true, "closedAt is null");

        assertEquals("status = :p0 and issuedAt >= :p1 and issuedAt < :p2 and headcount <= :p3 and closedAt is null", where.query());
        assertEquals(" where " + where.query(), where.clause());
        assertEquals(Map.of("p0", "ACTIVE", "p1", 3, "p2", 9, "p3", 40), where.parameterMap());
    }

    @Test
    void twoFiltersOnOneColumnNeverShareAParameter() {
        Where where = new Where().atLeast("at", 1).before("at", 2);

        assertEquals("at >= :p0 and at < :p1", where.query());
        assertEquals(Map.of("p0", 1, "p1", 2), where.parameterMap());
    }

    @Test
    void containsIsCaseInsensitiveAndMatchesWildcardsLiterally() {
        Where where = new Where().contains("t.name", "  Fu_Rong 100% ");

        assertEquals("lower(t.name) like :p0 escape '\\'", where.query());
        assertEquals(Map.of("p0", "%fu\\_rong 100\\%%"), where.parameterMap());
        assertEquals("a\\\\b", Where.escapeLike("a\\b"));
    }

    @Test
    void aDateTimeFilterComparesAsAnInstant() {
        OffsetDateTime beijing = OffsetDateTime.of(2026, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8));

        Where where = new Where().atLeast("at", beijing);

        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), where.parameterMap().get("p0"));
    }

    @Test
    void aConditionOfItsOwnBringsItsParametersAndNamesComeFromTheQuery() {
        Where where = new Where().equal("kind", "DRILL");
        String name = where.name();
        where.condition("(a = :" + name + " or b = :" + name + ")", Map.of(name, "x")).condition("", Map.of("ignored", 1));

        assertEquals("kind = :p0 and (a = :p1 or b = :p1)", where.query());
        assertEquals(Map.of("p0", "DRILL", "p1", "x"), where.parameterMap());
    }
}
