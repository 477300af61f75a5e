package cn.rescueforce.teams.nearest;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.TeamColumns;
import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.NaturalDisasterType;
import cn.rescueforce.teams.api.model.Specialty;
import cn.rescueforce.teams.api.model.SpecialtyMatch;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The teams that can respond now (ACTIVE and STANDBY) nearest to a location, by great-circle distance, with the
 * category, grade, specialties and natural disaster asked for. One SQL statement: the partial GiST index of
 * responding teams on their base as a point on the unit sphere (V7, {@code earth_point}) yields them nearest first
 * ({@code <->}, the straight-line distance, which orders exactly as the great-circle distance does), the filters are
 * checked on the way, and the haversine distance is computed for the teams returned only. Only the columns an answer
 * shows are read (no entity is loaded).
 */
@ApplicationScoped
public class NearestTeamSearch {

    /** Mean earth radius (IUGG), km. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    private static final String DISTANCE = "2 * " + EARTH_RADIUS_KM + " * asin(least(1.0, sqrt(power(sin(radians(t.base_lat - :lat) / 2), 2)"
            + " + cos(radians(:lat)) * cos(radians(t.base_lat)) * power(sin(radians(t.base_lon - :lon) / 2), 2))))";
    // literal statuses (not parameters), as in the partial indexes' predicate, so that generic plans use them too
    private static final String RESPONDING = "t.status = 'ACTIVE' and t.readiness = 'STANDBY'";
    /** The scope's columns in SQL (the category is a literal, as stored). */
    private static final TeamColumns COLUMNS = new TeamColumns("t.province", "t.category = 'MINING'", null, "t.supporting_unit_id");

    @Inject
    EntityManager em;

    @Inject
    Scope scope;

    /** What a search asks for; {@code specialties} empty and {@code disaster} null ask for no specialty. */
    public record Criteria(double lat, double lon, TeamCategory category, Grade minGrade, List<Specialty> specialties,
                           SpecialtyMatch match, NaturalDisasterType disaster, int limit) {
    }

    /** A team found, with the columns an answer shows. */
    public record Found(UUID id, String code, String name, TeamCategory category, String province, String baseCity,
                        double baseLat, double baseLon, String dutyPhone, Grade grade, int headcount, double distanceKm) {
    }

    /** For a caller with a token: the teams in its scope. */
    public List<Found> inScope(Criteria criteria) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("search teams"));
        return search(criteria, where -> scope.caller().teamScope().restrict(where, COLUMNS));
    }

    /** For the public directory: every responding team. */
    public List<Found> publicly(Criteria criteria) {
        return search(criteria, UnaryOperator.identity());
    }

    private List<Found> search(Criteria criteria, UnaryOperator<Where> inScope) {
        Where where = new Where().condition(true, RESPONDING).equal("t.category", criteria.category().toString());
        List<Grade> grades = acceptedGrades(criteria.minGrade());
        if (grades != null) {
            anyOf(where, "t.grade = any(string_to_array(:%s, ','))", grades.stream().map(Grade::toString).toList());
        }
        List<String> specialties = criteria.specialties() == null ? List.of()
                : criteria.specialties().stream().map(Specialty::toString).distinct().toList();
        if (!specialties.isEmpty()) {
            anyOf(where, criteria.match() == SpecialtyMatch.ALL ? "t.specialties @> string_to_array(:%s, ',')"
                    : "t.specialties && string_to_array(:%s, ',')", specialties);
        }
        if (criteria.disaster() != null) {
            anyOf(where, "t.specialties && string_to_array(:%s, ',')",
                    NaturalDisasterSpecialties.servedBy(criteria.disaster()).stream().map(Specialty::toString).toList());
        }
        inScope.apply(where);
        Query query = em.createNativeQuery("select t.id, t.code, t.name, t.category, t.province, t.base_city, t.base_lat,"
                + " t.base_lon, t.duty_phone, t.grade, t.headcount, " + DISTANCE + " as distance_km from team t" + where.clause()
                + " order by earth_point(t.base_lat, t.base_lon) <-> earth_point(:lat, :lon) limit :limit");
        where.parameterMap().forEach(query::setParameter);
        query.setParameter("lat", criteria.lat()).setParameter("lon", criteria.lon()).setParameter("limit", criteria.limit());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(NearestTeamSearch::found).toList();
    }

    /** A condition on a list of vocabulary values, passed as one comma-separated parameter. */
    private static void anyOf(Where where, String condition, List<String> values) {
        String name = where.name();
        where.condition(String.format(condition, name), Map.of(name, values.stream().collect(Collectors.joining(","))));
    }

    private static Found found(Object[] row) {
        return new Found((UUID) row[0], (String) row[1], (String) row[2], TeamCategory.fromValue((String) row[3]),
                (String) row[4], (String) row[5], ((Number) row[6]).doubleValue(), ((Number) row[7]).doubleValue(),
                (String) row[8], row[9] == null ? null : Grade.fromValue((String) row[9]), ((Number) row[10]).intValue(),
                ((Number) row[11]).doubleValue());
    }

    /** GRADE_1 is the highest: a minimum of GRADE_2 accepts GRADE_1 and GRADE_2; no minimum accepts any team. */
    static List<Grade> acceptedGrades(Grade minGrade) {
        if (minGrade == null) {
            return null;
        }
        if (minGrade == Grade.FAIL) {
            throw ProblemException.invalid("minGrade", Text.of("must be GRADE_1, GRADE_2 or GRADE_3"));
        }
        return Arrays.stream(Grade.values()).filter(g -> g != Grade.FAIL && g.ordinal() <= minGrade.ordinal()).toList();
    }
}
