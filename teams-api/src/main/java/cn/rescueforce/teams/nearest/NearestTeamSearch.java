package cn.rescueforce.teams.nearest;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.TeamColumns;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.NaturalDisasterType;
import cn.rescueforce.teams.api.model.Specialty;
import cn.rescueforce.teams.api.model.SpecialtyMatch;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.geo.GreatCircle;
import cn.rescueforce.teams.nearest.RespondingTeams.Held;
import cn.rescueforce.teams.nearest.RespondingTeams.Snapshot;
import cn.rescueforce.teams.reads.ReadVersion;
import cn.rescueforce.teams.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The teams that can respond now (ACTIVE and STANDBY) nearest to a location, by great-circle distance, with the
 * category, grade, specialties and natural disaster asked for, in the caller's scope or publicly.
 * <p>
 * Answered from the {@link RespondingTeams} this replica holds when they are as of the registry version now committed
 * (read by primary key first, so no answer is older than the last committed change): the teams of the category are
 * ranked by the straight-line distance of their bases on the unit sphere, filtered by {@link Wanted}, and the haversine
 * distance is computed for those returned. Otherwise one SQL statement gives the same answer: the partial GiST index of
 * responding teams on their base as a point on the unit sphere (V7, {@code earth_point}) yields them nearest first
 * ({@code <->}, the same order), the same filters are checked on the way ({@link #query}, conditions beside their
 * in-memory twins in {@link Wanted}), and only the columns an answer shows are read.
 */
@ApplicationScoped
public class NearestTeamSearch {

    private static final String DISTANCE = "2 * " + GreatCircle.EARTH_RADIUS_KM + " * asin(least(1.0, sqrt(power(sin(radians(t.base_lat - :lat) / 2), 2)"
            + " + cos(radians(:lat)) * cos(radians(t.base_lat)) * power(sin(radians(t.base_lon - :lon) / 2), 2))))";
    // literal statuses (not parameters), as in the partial indexes' predicate, so that generic plans use them too
    private static final String RESPONDING = "t.status = 'ACTIVE' and t.readiness = 'STANDBY'";
    /** The scope's columns in SQL (the category is a literal, as stored). */
    static final TeamColumns COLUMNS = new TeamColumns("t.province", "t.category = 'MINING'", null, "t.supporting_unit_id");

    @Inject
    EntityManager em;

    @Inject
    Scope scope;

    @Inject
    ReadVersion readVersion;

    @Inject
    RespondingTeams responding;

    /** With {@code false}, every search asks the database (README, "Reads": the read cache's switch). */
    @ConfigProperty(name = "rescue-force.read-cache.enabled", defaultValue = "true")
    boolean held = true;

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
        TeamScope teams = scope.caller().teamScope();
        return search(criteria, where -> teams.restrict(where, COLUMNS), covered(teams));
    }

    /** The scope rule on a team held in memory ({@link #COLUMNS} in SQL). */
    static Predicate<Held> covered(TeamScope teams) {
        return team -> teams.covers(team.province(), TeamScope.isMining(team.category()), team.supportingUnitId());
    }

    /** For the public directory: every responding team. */
    public List<Found> publicly(Criteria criteria) {
        return search(criteria, UnaryOperator.identity(), team -> true);
    }

    private List<Found> search(Criteria criteria, UnaryOperator<Where> inScope, Predicate<Held> inScopeHeld) {
        Wanted wanted = Wanted.of(criteria);
        if (held) {
            Optional<Snapshot> snapshot = responding.asOf(readVersion.forThisRequest());
            if (snapshot.isPresent()) {
                return nearest(snapshot.get().of(criteria.category()), criteria, team -> wanted.admits(team) && inScopeHeld.test(team));
            }
        }
        return query(criteria, wanted, inScope);
    }

    /**
     * What a search asks of a team beside its category, in memory ({@link #admits}) and in SQL ({@link #restrict}):
     * one of the accepted grades (null: any), at least one or all of the specialties (none asked: any team), and at
     * least one of the specialties serving the natural disaster (null: no disaster asked).
     */
    record Wanted(List<Grade> grades, List<String> specialties, boolean allSpecialties, List<String> disasterSpecialties,
                  long specialtyMask, long disasterMask) {

        static Wanted of(Criteria criteria) {
            List<Specialty> specialties = criteria.specialties() == null ? List.of() : criteria.specialties().stream().distinct().toList();
            List<Specialty> serving = criteria.disaster() == null ? null : NaturalDisasterSpecialties.servedBy(criteria.disaster());
            return new Wanted(acceptedGrades(criteria.minGrade()), names(specialties), criteria.match() == SpecialtyMatch.ALL,
                    serving == null ? null : names(serving), SpecialtyMask.of(specialties), serving == null ? 0 : SpecialtyMask.of(serving));
        }

        boolean admits(Held team) {
            return (grades == null || grades.contains(team.grade()))
                    && (specialtyMask == 0 || (allSpecialties ? SpecialtyMask.allOf(team.specialties(), specialtyMask)
                                                              : SpecialtyMask.anyOf(team.specialties(), specialtyMask)))
                    && (disasterSpecialties == null || SpecialtyMask.anyOf(team.specialties(), disasterMask));
        }

        Where restrict(Where where) {
            if (grades != null) {
                anyOf(where, "t.grade = any(string_to_array(:%s, ','))", grades.stream().map(Grade::toString).toList());
            }
            if (!specialties.isEmpty()) {
                anyOf(where, allSpecialties ? "t.specialties @> string_to_array(:%s, ',')"
                        : "t.specialties && string_to_array(:%s, ',')", specialties);
            }
            if (disasterSpecialties != null) {
                anyOf(where, "t.specialties && string_to_array(:%s, ',')", disasterSpecialties);
            }
            return where;
        }

        private static List<String> names(List<Specialty> specialties) {
            return specialties.stream().map(Specialty::toString).toList();
        }
    }

    /** The {@code limit} teams nearest to the location among those admitted, nearest first. */
    static List<Found> nearest(List<Held> teams, Criteria criteria, Predicate<Held> admitted) {
        double[] at = GreatCircle.unitPoint(criteria.lat(), criteria.lon());
        int limit = criteria.limit();
        Held[] best = new Held[limit];
        double[] chords = new double[limit];
        int found = 0;
        for (Held team : teams) {
            double chord = GreatCircle.chordSquared(team.point(), at);
            if (found == limit && chord >= chords[limit - 1] || !admitted.test(team)) {
                continue;
            }
            int i = found < limit ? found++ : limit - 1;
            for (; i > 0 && chords[i - 1] > chord; i--) {
                best[i] = best[i - 1];
                chords[i] = chords[i - 1];
            }
            best[i] = team;
            chords[i] = chord;
        }
        List<Found> answer = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            Held team = best[i];
            answer.add(new Found(team.id(), team.code(), team.name(), team.category(), team.province(), team.baseCity(),
                    team.baseLat(), team.baseLon(), team.dutyPhone(), team.grade(), team.headcount(),
                    GreatCircle.km(criteria.lat(), criteria.lon(), team.baseLat(), team.baseLon())));
        }
        return answer;
    }

    /** The same search in one SQL statement. */
    List<Found> query(Criteria criteria, Wanted wanted, UnaryOperator<Where> inScope) {
        Where where = new Where().condition(true, RESPONDING).equal("t.category", criteria.category().toString());
        inScope.apply(wanted.restrict(where));
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
