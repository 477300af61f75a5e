package cn.rescueforce.teams.nearest;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The teams that can respond now (ACTIVE and STANDBY) nearest to a location, by great-circle distance.
 * Without PostGIS, each search looks inside a latitude/longitude box first (an index range on the partial
 * index of responding teams by category) and ranks by the haversine distance; the box grows until it holds
 * enough teams within its inscribed circle, so the answer is the same as a ranking of every team.
 */
@ApplicationScoped
public class NearestTeamSearch {

    /** Mean earth radius (IUGG), km. */
    static final double EARTH_RADIUS_KM = 6371.0088;
    static final double KM_PER_DEGREE_LATITUDE = Math.PI * EARTH_RADIUS_KM / 180;
    /** Search radii, km: a county, a prefecture, a province, most of the country; then everything. */
    static final double[] RADII_KM = {50, 200, 800, 3000};

    // literal statuses (not parameters) so that PostgreSQL can use the partial index in generic plans too
    private static final String DISTANCE = "2 * " + EARTH_RADIUS_KM + " * asin(least(1.0, sqrt(power(sin(radians(t.baseLat - :lat) / 2), 2)"
            + " + cos(radians(:lat)) * cos(radians(t.baseLat)) * power(sin(radians(t.baseLon - :lon) / 2), 2))))";
    private static final String RESPONDING = "t.status = cn.rescueforce.teams.api.model.TeamStatus.ACTIVE"
            + " and t.readiness = cn.rescueforce.teams.api.model.Readiness.STANDBY";

    @Inject
    EntityManager em;

    @Inject
    Scope scope;

    public record Found(Team team, double distanceKm) {
    }

    /** For a caller with a token: the teams in its scope. */
    public List<Found> inScope(double lat, double lon, TeamCategory category, Grade minGrade, int limit) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("search teams"));
        return search(lat, lon, category, minGrade, limit, where -> scope.restrict(where, "t."));
    }

    /** For the public directory: every responding team. */
    public List<Found> publicly(double lat, double lon, TeamCategory category, Grade minGrade, int limit) {
        return search(lat, lon, category, minGrade, limit, UnaryOperator.identity());
    }

    private List<Found> search(double lat, double lon, TeamCategory category, Grade minGrade, int limit,
                               UnaryOperator<Where> inScope) {
        List<Grade> grades = acceptedGrades(minGrade);
        List<Found> found = List.of();
        for (double radius : RADII_KM) {
            found = query(lat, lon, category, grades, limit, radius, inScope);
            if (found.size() == limit && found.get(limit - 1).distanceKm() <= radius) {
                return found; // every team outside the box is farther than the radius
            }
        }
        return query(lat, lon, category, grades, limit, Double.NaN, inScope);
    }

    private List<Found> query(double lat, double lon, TeamCategory category, List<Grade> grades, int limit, double radiusKm,
                              UnaryOperator<Where> inScope) {
        Where where = new Where().condition(true, RESPONDING).equal("t.category", category);
        if (!Double.isNaN(radiusKm)) {
            double dLat = radiusKm / KM_PER_DEGREE_LATITUDE;
            where.atLeast("t.baseLat", lat - dLat).atMost("t.baseLat", lat + dLat);
            double widestLat = Math.min(89.9, Math.max(Math.abs(lat - dLat), Math.abs(lat + dLat)));
            double dLon = radiusKm / (KM_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(widestLat)));
            // near the poles or across the antimeridian the box would wrap: search every longitude instead
            if (Math.abs(lat) + dLat < 89.9 && lon - dLon >= -180 && lon + dLon <= 180) {
                where.atLeast("t.baseLon", lon - dLon).atMost("t.baseLon", lon + dLon);
            }
        }
        if (grades != null) {
            String name = where.name();
            where.condition("t.grade in :" + name, Map.of(name, grades));
        }
        inScope.apply(where);
        TypedQuery<Object[]> query = em.createQuery("select t, " + DISTANCE + " as distance from Team t" + where.clause()
                + " order by distance, t.id", Object[].class);
        where.parameterMap().forEach(query::setParameter);
        query.setParameter("lat", lat).setParameter("lon", lon);
        return query.setMaxResults(limit).getResultList().stream()
                .map(row -> new Found((Team) row[0], ((Number) row[1]).doubleValue()))
                .toList();
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
