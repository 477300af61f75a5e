package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.client.OtherService;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.model.FigureSource;
import cn.rescueforce.teams.api.model.GradeFigure;
import cn.rescueforce.teams.client.assessment.StatisticsApi;
import cn.rescueforce.teams.client.assessment.model.GradeCounts;
import cn.rescueforce.teams.client.assessment.model.GradeStatistics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Grades and pass rates of the teams an answer covers, from assessment-api's grade statistics
 * ({@code GET /api/v1/statistics/grades}, openapi/assessment-api.yaml) through the client generated from its contract,
 * with teams-api's service account. The statistics are per province and category, so a unit's answer cannot have
 * them (its teams' grades are in {@code teamsByGrade}); assessment-api down, slow or refusing: unavailable, with the reason.
 */
@ApplicationScoped
public class GradeFigures {

    static final OtherService ASSESSMENT_API = OtherService.named("assessment-api");
    static final String NOT_FOR_A_UNIT = "assessment-api's grade statistics are per province and category, not per "
            + "supporting unit: the teams' own grades are in teamsByGrade";

    @Inject
    @RestClient
    StatisticsApi statistics;

    GradeFigure of(FigureCoverage coverage) {
        OffsetDateTime asked = OffsetDateTime.now(ZoneOffset.UTC);
        GradeFigure figure = new GradeFigure().source(FigureSource.ASSESSMENT_API);
        if (coverage.unit() != null) {
            return figure.computedAt(asked).available(false).reason(NOT_FOR_A_UNIT);
        }
        if (coverage.coversNothing()) {
            return figure.computedAt(asked).available(true).grade1(0).grade2(0).grade3(0).fail(0).finalized(0).passed(0)
                    .passRate(0.0).overdue(0);
        }
        cn.rescueforce.teams.client.assessment.model.TeamCategory category = coverage.category() == null ? null
                : cn.rescueforce.teams.client.assessment.model.TeamCategory.fromValue(coverage.category().name());
        GradeStatistics answer;
        try {
            answer = ASSESSMENT_API.call(() -> statistics.getGradeStatistics(coverage.province(), category));
        } catch (ProblemException unavailable) {
            return figure.computedAt(asked).available(false).reason(unavailable.getMessage());
        }
        GradeCounts totals = answer.getTotals();
        return figure.available(true)
                .computedAt(answer.getGeneratedAt() == null ? asked : answer.getGeneratedAt().withOffsetSameInstant(ZoneOffset.UTC))
                .grade1(totals.getGrade1()).grade2(totals.getGrade2()).grade3(totals.getGrade3()).fail(totals.getFail())
                .finalized(totals.getFinalized()).passed(totals.getPassed()).passRate(totals.getPassRate())
                .overdue(totals.getOverdue());
    }
}
