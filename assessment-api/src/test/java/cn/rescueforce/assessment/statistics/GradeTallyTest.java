package cn.rescueforce.assessment.statistics;

import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.TeamCategory;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The counts behind the grade statistics and the pass rate, without a database. */
class GradeTallyTest {

    @Test
    void rowsArePerProvinceAndCategoryAndTotalsAddThemUp() {
        GradeTally tally = new GradeTally();
        tally.latestGrade("510000", TeamCategory.MINING, Grade.GRADE_2, 1);
        tally.latestGrade("510000", TeamCategory.MINING, Grade.FAIL, 1);
        tally.finalized("510000", TeamCategory.MINING, 3, 2);
        tally.latestGrade("140000", TeamCategory.TUNNEL_CONSTRUCTION, Grade.GRADE_1, 2);
        tally.finalized("140000", TeamCategory.TUNNEL_CONSTRUCTION, 2, 2);
        tally.overdue("140000", TeamCategory.MINING, 4);

        List<GradeTally.Counts> rows = tally.rows();
        assertEquals(List.of("140000MINING", "140000TUNNEL_CONSTRUCTION", "510000MINING"),
                rows.stream().map(r -> r.province + r.category).toList());
        GradeTally.Counts sichuan = rows.get(2);
        assertEquals(1, sichuan.grade2);
        assertEquals(1, sichuan.fail);
        assertEquals(0.667, sichuan.passRate());
        assertNull(rows.get(0).passRate());
        assertEquals(4, rows.get(0).overdue);

        GradeTally.Counts totals = tally.totals();
        assertEquals(2, totals.grade1);
        assertEquals(5, totals.finalized);
        assertEquals(4, totals.passed);
        assertEquals(4, totals.overdue);
        assertEquals(0.8, totals.passRate());
    }

    @Test
    void withNothingFinalizedThereIsNoPassRate() {
        assertNull(new GradeTally().totals().passRate());
    }
}
