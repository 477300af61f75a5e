package cn.rescueforce.kit.query;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WhereAnyOfTest {

    @Test
    void alternativesAreJoinedWithOrAndKeepTheirParameterNamesApart() {
        Where where = new Where().equal("status", "ACTIVE")
                .anyOf(w -> w.equal("province", "510000"), w -> w.equal("enterpriseProvince", "510000").equal("category", "MINING"))
                .equal("teamId", 7);
        assertEquals("status = :p0 and ((province = :p1) or (enterpriseProvince = :p2 and category = :p3)) and teamId = :p4",
                where.query());
        assertEquals(Map.of("p0", "ACTIVE", "p1", "510000", "p2", "510000", "p3", "MINING", "p4", 7), where.parameterMap());
    }

    @Test
    void anAlternativeWithoutConditionsAdmitsEveryRow() {
        Where where = new Where().equal("status", "ACTIVE").anyOf(w -> w.equal("province", "510000"), w -> { });
        assertEquals("status = :p0", where.query());
        assertEquals(Map.of("p0", "ACTIVE"), where.parameterMap());
    }

    @Test
    void alternativesSkipTheirAbsentFilters() {
        Where where = new Where().anyOf(w -> w.equal("province", null).equal("unit", 3), w -> w.equal("enterpriseProvince", "510000"));
        assertEquals("((unit = :p0) or (enterpriseProvince = :p1))", where.query());
    }
}
