package cn.rescueforce.assessment.statistics;

import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.TeamCategory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts behind the grade statistics, per province and team category: the grade distribution (each team
 * by its latest finalized assessment), finalized and passed assessments, and open assessments past due.
 */
final class GradeTally {

    /** The counts of one province and category. */
    static final class Counts {
        final String province;
        final TeamCategory category;
        int grade1;
        int grade2;
        int grade3;
        int fail;
        int finalized;
        int passed;
        int overdue;

        Counts(String province, TeamCategory category) {
            this.province = province;
            this.category = category;
        }

        /** Passed over finalized, to three decimals; null while nothing is finalized. */
        Double passRate() {
            return finalized == 0 ? null : Math.round(1000.0 * passed / finalized) / 1000.0;
        }

        private void add(Counts other) {
            grade1 += other.grade1;
            grade2 += other.grade2;
            grade3 += other.grade3;
            fail += other.fail;
            finalized += other.finalized;
            passed += other.passed;
            overdue += other.overdue;
        }
    }

    private final Map<String, Counts> rows = new LinkedHashMap<>();

    /** {@code teams} teams whose latest finalized assessment gave {@code grade}. */
    void latestGrade(String province, TeamCategory category, Grade grade, int teams) {
        Counts row = row(province, category);
        switch (grade) {
            case GRADE_1 -> row.grade1 += teams;
            case GRADE_2 -> row.grade2 += teams;
            case GRADE_3 -> row.grade3 += teams;
            case FAIL -> row.fail += teams;
        }
    }

    void finalized(String province, TeamCategory category, int finalized, int passed) {
        Counts row = row(province, category);
        row.finalized = finalized;
        row.passed = passed;
    }

    void overdue(String province, TeamCategory category, int overdue) {
        row(province, category).overdue = overdue;
    }

    /** The rows by province, then category. */
    List<Counts> rows() {
        List<Counts> ordered = new ArrayList<>(rows.values());
        ordered.sort(Comparator.comparing(row -> row.province + row.category));
        return ordered;
    }

    Counts totals() {
        Counts totals = new Counts(null, null);
        rows.values().forEach(totals::add);
        return totals;
    }

    private Counts row(String province, TeamCategory category) {
        return rows.computeIfAbsent(province + "/" + category, key -> new Counts(province, category));
    }
}
