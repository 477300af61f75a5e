package cn.rescueforce.assessment.statistics;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.GradeStatistics;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.assessment.Assessment;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.Provinces;
import cn.rescueforce.kit.security.TeamColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Grade distribution (each team counted once, by its latest finalized assessment), pass rates over all
 * finalized assessments, and open assessments past due, per province and category, within the caller's scope.
 * Native SQL, for {@code distinct on} and {@code filter}: the enums are compared as the names they are stored as.
 */
@ApplicationScoped
public class GradeStatisticsService {

    /** The team facts of an assessment row that decide scope (columns of the assessment table). */
    private static final TeamColumns ASSESSED_TEAM = TeamColumns.withCategory("team_province", "team_category",
            TeamCategory.MINING, "team_supporting_unit_id");

    /** The levels that schedule assessments, and the services (teams-api's figures). */
    static final List<ManagementLevel> READERS = List.of(ManagementLevel.NATIONAL, ManagementLevel.PROVINCIAL,
            ManagementLevel.MINE_SAFETY, ManagementLevel.SERVICE);

    @Inject
    EntityManager em;

    @Inject
    Scope scope;

    @Inject
    StatisticsMapper mapper;

    public GradeStatistics compute(String province, TeamCategory category) {
        // and teams-api's service account, for its figures (GET /api/v1/figures of teams-api)
        scope.requireLevel(READERS, Text.of("read grade statistics"));
        if (province != null && !Provinces.isKnown(province)) {
            throw ProblemException.invalid("province", Text.of("unknown province code {0}", province));
        }
        GradeTally tally = new GradeTally();
        Where finalized = inScope(province, category).equal("status", Assessment.Status.FINALIZED);
        // latest finalized assessment per team
        for (Object[] r : rows(em.createNativeQuery("select team_province, team_category, grade, count(*) from ("
                + " select distinct on (team_id) team_province, team_category, grade from assessment" + finalized.clause()
                + " order by team_id, finalized_at desc) latest"
                + " group by team_province, team_category, grade"), finalized)) {
            tally.latestGrade((String) r[0], category(r[1]), Grade.valueOf((String) r[2]), ((Number) r[3]).intValue());
        }
        Query passes = em.createNativeQuery("select team_province, team_category, count(*),"
                + " count(*) filter (where grade <> :failGrade) from assessment" + finalized.clause()
                + " group by team_province, team_category");
        passes.setParameter("failGrade", Grade.FAIL.name());
        for (Object[] r : rows(passes, finalized)) {
            tally.finalized((String) r[0], category(r[1]), ((Number) r[2]).intValue(), ((Number) r[3]).intValue());
        }
        Where overdue = inScope(province, category);
        String open = overdue.name();
        overdue.condition("status in (:" + open + ")", Map.of(open, List.of(Assessment.Status.SCHEDULED, Assessment.Status.SUBMITTED)))
                .before("due_on", LocalDate.now(ZoneOffset.UTC));
        for (Object[] r : rows(em.createNativeQuery("select team_province, team_category, count(*) from assessment"
                + overdue.clause() + " group by team_province, team_category"), overdue)) {
            tally.overdue((String) r[0], category(r[1]), ((Number) r[2]).intValue());
        }
        return mapper.toApi(tally, Instant.now());
    }

    /** Assessments of teams in the caller's scope, of the province and category asked for. */
    private Where inScope(String province, TeamCategory category) {
        return scope.caller().teamScope().restrict(new Where(), ASSESSED_TEAM)
                .equal("team_province", province)
                .equal("team_category", category);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query, Where where) {
        where.parameterMap().forEach((name, value) -> query.setParameter(name, stored(value)));
        return query.getResultList();
    }

    /** A value as the column stores it: enums by name. */
    private static Object stored(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(GradeStatisticsService::stored).toList();
        }
        return value;
    }

    private static TeamCategory category(Object column) {
        return TeamCategory.valueOf((String) column);
    }
}
