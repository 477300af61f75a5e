package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.query.Where;
import cn.rescueforce.teams.api.model.TeamCategory;
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
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The registry's own figures as aggregate queries (group by in PostgreSQL, never entities loaded): each query counts
 * per cell of province and category (and supporting unit for snapshots) the teams a {@link Where} on the team
 * aliased {@code t} keeps. Native SQL, for {@code filter}, {@code exists} and {@code coalesce}: enums are compared as
 * the names they are stored as.
 */
@ApplicationScoped
public class RegistryFigures {

    @Inject
    EntityManager em;

    /** The figures as of now: teams by status, grade and readiness; serving members; drills and training of the year. */
    FigureTally current(Where teams, LocalDate today) {
        FigureTally tally = new FigureTally();
        LocalDate yearStart = today.withDayOfYear(1);
        rows("select t.province, t.category, t.status, coalesce(t.grade, 'NONE'), t.readiness, count(*) from team t"
                + teams.clause() + " group by 1, 2, 3, 4, 5", teams, Map.of(), r -> {
            FigureTally.Counts counts = tally.cell((String) r[0], category(r[1]), null);
            long n = number(r[5]);
            FigureTally.count(counts.teamsByStatus, (String) r[2], n);
            if (!"EXITED".equals(r[2])) {
                counts.teams += n;
                FigureTally.count(counts.teamsByGrade, (String) r[3], n);
                FigureTally.count(counts.teamsByReadiness, (String) r[4], n);
                FigureTally.count(counts.teamsByCategory, (String) r[1], n);
            }
        });
        rows("select t.province, t.category, m.talent_type, m.role, count(*), count(*) filter (where exists ("
                + " select 1 from certificate c where c.member_id = m.id and (c.expires_on is null or c.expires_on > :today)))"
                + " from member m join team t on t.id = m.team_id" + serving(teams) + " group by 1, 2, 3, 4",
                teams, Map.of("today", today), r -> {
            FigureTally.Counts counts = tally.cell((String) r[0], category(r[1]), null);
            long n = number(r[4]);
            counts.rescuers += n;
            counts.withValidCertificate += number(r[5]);
            FigureTally.count(counts.rescuersByTalentType, (String) r[2], n);
            FigureTally.count(counts.rescuersByRole, (String) r[3], n);
            FigureTally.count(counts.rescuersByCategory, (String) r[1], n);
        });
        rows("select t.province, t.category, count(*), coalesce(sum(d.duration_minutes), 0) from drill d join team t on t.id = d.team_id"
                + notExited(teams) + " and d.held_on >= :from and d.held_on <= :to group by 1, 2",
                teams, Map.of("from", yearStart, "to", today), r -> {
            FigureTally.Counts counts = tally.cell((String) r[0], category(r[1]), null);
            counts.drills += number(r[2]);
            counts.drillMinutes += number(r[3]);
        });
        rows("select t.province, t.category, coalesce(sum(r.hours), 0) from training_record r join team t on t.id = r.team_id"
                + notExited(teams) + " and r.trained_on >= :from and r.trained_on <= :to group by 1, 2",
                teams, Map.of("from", yearStart, "to", today), r ->
                tally.cell((String) r[0], category(r[1]), null).trainingHours += number(r[2]));
        return tally;
    }

    /**
     * The figures as of the last day of a month, from the data's dates, per province, category and supporting unit:
     * teams registered by then and not exited by then; members joined by then and serving (a member who has left
     * counts until its record last changed, the day it left as far as the registry knows); those holding a
     * certificate issued by then and valid on that day, and those holding a work-injury policy valid on that day;
     * drills, training, preventive inspections, technical services and outreach activities of the year up to that
     * day; orders alarmed in the month.
     */
    FigureTally asOf(LocalDate monthStart) {
        FigureTally tally = new FigureTally();
        LocalDate lastDay = monthStart.plusMonths(1).minusDays(1);
        Instant end = monthStart.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String teamsThen = " t.created_at < :end and not exists (select 1 from team_status_change s"
                + " where s.team_id = t.id and s.to_status = 'EXITED' and s.at < :end)";
        Where none = new Where();
        rows("select t.province, t.category, t.supporting_unit_id, count(*) from team t where" + teamsThen + " group by 1, 2, 3",
                none, Map.of("end", end), r -> {
            FigureTally.Counts counts = tally.cell((String) r[0], category(r[1]), (UUID) r[2]);
            long n = number(r[3]);
            counts.teams += n;
            FigureTally.count(counts.teamsByCategory, (String) r[1], n);
        });
        rows("select t.province, t.category, t.supporting_unit_id, count(*), count(*) filter (where exists ("
                + " select 1 from certificate c where c.member_id = m.id and c.issued_on <= :lastDay"
                + " and (c.expires_on is null or c.expires_on > :lastDay))), count(*) filter (where exists ("
                + " select 1 from insurance_policy p where p.member_id = m.id and p.kind = 'WORK_INJURY'"
                + " and p.valid_from <= :lastDay and p.valid_to >= :lastDay))"
                + " from member m join team t on t.id = m.team_id where" + teamsThen + " and m.joined_on <= :lastDay"
                + " and (m.status = 'ACTIVE' or (m.status = 'LEFT' and m.updated_at >= :end)) group by 1, 2, 3",
                none, Map.of("end", end, "lastDay", lastDay), r -> {
            FigureTally.Counts counts = tally.cell((String) r[0], category(r[1]), (UUID) r[2]);
            long n = number(r[3]);
            counts.rescuers += n;
            counts.withValidCertificate += number(r[4]);
            counts.insured += number(r[5]);
            FigureTally.count(counts.rescuersByCategory, (String) r[1], n);
        });
        Map<String, Object> yearToDate = Map.of("from", monthStart.withDayOfYear(1), "to", lastDay);
        rows("select t.province, t.category, t.supporting_unit_id, count(*), coalesce(sum(d.duration_minutes), 0)"
                + " from drill d join team t on t.id = d.team_id where d.held_on >= :from and d.held_on <= :to group by 1, 2, 3",
                none, yearToDate, r -> {
            FigureTally.Counts counts = tally.cell((String) r[0], category(r[1]), (UUID) r[2]);
            counts.drills += number(r[3]);
            counts.drillMinutes += number(r[4]);
        });
        rows("select t.province, t.category, t.supporting_unit_id, coalesce(sum(r.hours), 0) from training_record r"
                + " join team t on t.id = r.team_id where r.trained_on >= :from and r.trained_on <= :to group by 1, 2, 3",
                none, yearToDate, r -> tally.cell((String) r[0], category(r[1]), (UUID) r[2]).trainingHours += number(r[3]));
        rows("select t.province, t.category, t.supporting_unit_id, count(*), coalesce(sum(x.hazards_found), 0)"
                + " from preventive_inspection x join team t on t.id = x.team_id"
                + " where x.inspected_on >= :from and x.inspected_on <= :to group by 1, 2, 3", none, yearToDate, r -> {
            FigureTally.Counts counts = tally.cell((String) r[0], category(r[1]), (UUID) r[2]);
            counts.inspections += number(r[3]);
            counts.hazardsFound += number(r[4]);
        });
        rows("select t.province, t.category, t.supporting_unit_id, count(*), coalesce(sum(x.days), 0)"
                + " from technical_service x join team t on t.id = x.team_id"
                + " where x.started_on >= :from and x.started_on <= :to group by 1, 2, 3", none, yearToDate, r -> {
            FigureTally.Counts counts = tally.cell((String) r[0], category(r[1]), (UUID) r[2]);
            counts.technicalServices += number(r[3]);
            counts.serviceDays += number(r[4]);
        });
        rows("select t.province, t.category, t.supporting_unit_id, count(*), coalesce(sum(x.participants), 0)"
                + " from outreach_activity x join team t on t.id = x.team_id"
                + " where x.held_on >= :from and x.held_on <= :to group by 1, 2, 3", none, yearToDate, r -> {
            FigureTally.Counts counts = tally.cell((String) r[0], category(r[1]), (UUID) r[2]);
            counts.outreachActivities += number(r[3]);
            counts.outreachParticipants += number(r[4]);
        });
        rows("select o.province, o.category, o.supporting_unit_id, count(*) from mobilization_order o"
                + " where o.alarm_at >= :start and o.alarm_at < :end group by 1, 2, 3",
                none, Map.of("start", monthStart.atStartOfDay(ZoneOffset.UTC).toInstant(), "end", end),
                r -> tally.cell((String) r[0], category(r[1]), (UUID) r[2]).mobilizations += number(r[3]));
        return tally;
    }

    /** The teams (not exited) a where keeps, with their category, name and province, for the figures computed elsewhere. */
    List<Object[]> teams(Where teams) {
        Query query = em.createNativeQuery("select t.id, t.category, t.name, t.province from team t" + notExited(teams) + " order by t.id");
        bind(query, teams, Map.of());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows;
    }

    private static String serving(Where teams) {
        return notExited(teams) + " and m.status = 'ACTIVE'";
    }

    private static String notExited(Where teams) {
        return teams.isEmpty() ? " where t.status <> 'EXITED'" : teams.clause() + " and t.status <> 'EXITED'";
    }

    @SuppressWarnings("unchecked")
    private void rows(String sql, Where where, Map<String, Object> more, Consumer<Object[]> each) {
        Query query = em.createNativeQuery(sql);
        bind(query, where, more);
        ((List<Object[]>) query.getResultList()).forEach(each);
    }

    private static void bind(Query query, Where where, Map<String, Object> more) {
        where.parameterMap().forEach((name, value) -> query.setParameter(name, stored(value)));
        more.forEach(query::setParameter);
    }

    /** A value as the column stores it: enums by name. */
    private static Object stored(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(RegistryFigures::stored).toList();
        }
        return value;
    }

    private static TeamCategory category(Object column) {
        return TeamCategory.valueOf((String) column);
    }

    private static long number(Object column) {
        return ((Number) column).longValue();
    }
}
