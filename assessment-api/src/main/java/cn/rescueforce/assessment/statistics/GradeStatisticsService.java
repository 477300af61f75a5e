package cn.rescueforce.assessment.statistics;

import cn.rescueforce.assessment.api.model.GradeCounts;
import cn.rescueforce.assessment.api.model.GradeStatistics;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.Provinces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Grade distribution (each team counted once, by its latest finalized assessment), pass rates over all
 * finalized assessments, and open assessments past due, per province and category, within the caller's scope.
 */
@ApplicationScoped
public class GradeStatisticsService {

    @Inject
    EntityManager em;

    @Inject
    Scope scope;

    public GradeStatistics compute(String province, TeamCategory category) {
        scope.requireLevel(Scope.SCHEDULERS, "read grade statistics");
        if (province != null && !Provinces.isKnown(province)) {
            throw ProblemException.invalid("province", "unknown province code " + province);
        }
        Caller caller = scope.caller();
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        switch (caller.level()) {
            case PROVINCIAL -> {
                where.append(" and team_province = :scopeRegion");
                params.put("scopeRegion", caller.region());
            }
            case MINE_SAFETY -> {
                where.append(" and team_province = :scopeRegion and team_category = 'MINING'");
                params.put("scopeRegion", caller.region());
            }
            default -> { }
        }
        if (province != null) {
            where.append(" and team_province = :province");
            params.put("province", province);
        }
        if (category != null) {
            where.append(" and team_category = :category");
            params.put("category", category.name());
        }
        Map<String, GradeCounts> rows = new LinkedHashMap<>();
        // latest finalized assessment per team
        for (Object[] r : rows(em.createNativeQuery("select team_province, team_category, grade, count(*) from ("
                + " select distinct on (team_id) team_province, team_category, grade from assessment" + where
                + " and status = 'FINALIZED' order by team_id, finalized_at desc) latest"
                + " group by team_province, team_category, grade"), params)) {
            GradeCounts row = row(rows, r);
            int n = ((Number) r[3]).intValue();
            switch ((String) r[2]) {
                case "GRADE_1" -> row.grade1(row.getGrade1() + n);
                case "GRADE_2" -> row.grade2(row.getGrade2() + n);
                case "GRADE_3" -> row.grade3(row.getGrade3() + n);
                default -> row.fail(row.getFail() + n);
            }
        }
        for (Object[] r : rows(em.createNativeQuery("select team_province, team_category, count(*),"
                + " count(*) filter (where grade <> 'FAIL') from assessment" + where
                + " and status = 'FINALIZED' group by team_province, team_category"), params)) {
            GradeCounts row = row(rows, r);
            row.finalized(((Number) r[2]).intValue()).passed(((Number) r[3]).intValue());
        }
        Query overdue = em.createNativeQuery("select team_province, team_category, count(*) from assessment" + where
                + " and status in ('SCHEDULED', 'SUBMITTED') and due_on < :today group by team_province, team_category");
        overdue.setParameter("today", LocalDate.now(ZoneOffset.UTC));
        for (Object[] r : rows(overdue, params)) {
            row(rows, r).overdue(((Number) r[2]).intValue());
        }
        List<GradeCounts> ordered = new ArrayList<>(rows.values());
        ordered.sort((a, b) -> (a.getProvince() + a.getCategory()).compareTo(b.getProvince() + b.getCategory()));
        GradeCounts totals = empty();
        for (GradeCounts row : ordered) {
            row.passRate(rate(row));
            totals.grade1(totals.getGrade1() + row.getGrade1()).grade2(totals.getGrade2() + row.getGrade2())
                    .grade3(totals.getGrade3() + row.getGrade3()).fail(totals.getFail() + row.getFail())
                    .finalized(totals.getFinalized() + row.getFinalized()).passed(totals.getPassed() + row.getPassed())
                    .overdue(totals.getOverdue() + row.getOverdue());
        }
        totals.passRate(rate(totals));
        return new GradeStatistics().rows(ordered).totals(totals).generatedAt(Instant.now().atOffset(ZoneOffset.UTC));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private static GradeCounts row(Map<String, GradeCounts> rows, Object[] r) {
        return rows.computeIfAbsent(r[0] + "/" + r[1], k -> empty().province((String) r[0]).category(TeamCategory.fromValue((String) r[1])));
    }

    private static GradeCounts empty() {
        return new GradeCounts().grade1(0).grade2(0).grade3(0).fail(0).finalized(0).passed(0).overdue(0);
    }

    private static Double rate(GradeCounts row) {
        return row.getFinalized() == 0 ? null : Math.round(1000.0 * row.getPassed() / row.getFinalized()) / 1000.0;
    }
}
