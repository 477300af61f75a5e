package cn.rescueforce.assessment.statistics;

import cn.rescueforce.assessment.api.model.GradeCounts;
import cn.rescueforce.assessment.api.model.GradeStatistics;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

import static cn.rescueforce.assessment.Utc.of;

/** Grade statistics as the API model of openapi/assessment-api.yaml. */
@ApplicationScoped
public class StatisticsMapper {

    GradeStatistics toApi(GradeTally tally, Instant generatedAt) {
        return new GradeStatistics()
                .rows(tally.rows().stream().map(row -> toApi(row).province(row.province).category(row.category)).toList())
                .totals(toApi(tally.totals()))
                .generatedAt(of(generatedAt));
    }

    private static GradeCounts toApi(GradeTally.Counts counts) {
        return new GradeCounts().grade1(counts.grade1).grade2(counts.grade2).grade3(counts.grade3).fail(counts.fail)
                .finalized(counts.finalized).passed(counts.passed).overdue(counts.overdue).passRate(counts.passRate());
    }
}
