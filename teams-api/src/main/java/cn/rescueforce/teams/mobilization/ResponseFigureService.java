package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.model.DurationFigures;
import cn.rescueforce.teams.api.model.LateDeparture;
import cn.rescueforce.teams.api.model.ResponseFigureGroup;
import cn.rescueforce.teams.api.model.ResponseFigureGrouping;
import cn.rescueforce.teams.api.model.ResponseFigures;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Response times of mobilization orders (from the alarm to each step), per team, province or category. */
@ApplicationScoped
public class ResponseFigureService {

    /**
     * How soon a team of each category is expected to leave after the alarm. Mine rescue duty squads leave
     * within one minute (the mine rescue regulations); the other categories use the registry's own figures.
     */
    static final Map<TeamCategory, Duration> DEPARTURE_EXPECTED_WITHIN = new EnumMap<>(Map.of(
            TeamCategory.MINING, Duration.ofMinutes(1),
            TeamCategory.HAZARDOUS_CHEMICALS, Duration.ofMinutes(5),
            TeamCategory.OIL_GAS, Duration.ofMinutes(5),
            TeamCategory.TUNNEL_CONSTRUCTION, Duration.ofMinutes(5),
            TeamCategory.OTHER, Duration.ofMinutes(10)));

    @Inject
    MobilizationOrderRepository orders;

    @Inject
    TeamRepository teams;

    @Inject
    Scope scope;

    public ResponseFigures figures(OffsetDateTime from, OffsetDateTime to, ResponseFigureGrouping groupBy, String province,
                                   TeamCategory category) {
        scope.requireLevel(Scope.TEAM_EDITORS, "read response figures");
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        ResponseFigureGrouping grouping = groupBy == null ? ResponseFigureGrouping.TEAM : groupBy;
        Parameters params = Parameters.with("from", from.toInstant()).and("to", to.toInstant());
        List<String> where = new ArrayList<>(List.of("alarmAt >= :from", "alarmAt < :to", scope.visibleTeams("", params)));
        if (province != null) {
            where.add("province = :province");
            params.and("province", province);
        }
        if (category != null) {
            where.add("category = :category");
            params.and("category", category);
        }
        List<MobilizationOrder> found = orders.search(Scope.and(where.toArray(String[]::new)),
                Sort.by("alarmAt").and("id"), params).list();
        Map<UUID, String> teamNames = found.isEmpty() ? Map.of()
                : teams.<Team>list("id in ?1", found.stream().map(o -> o.teamId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t.name));

        Function<MobilizationOrder, String> key = switch (grouping) {
            case TEAM -> o -> o.teamId.toString();
            case PROVINCE -> o -> o.province;
            case CATEGORY -> o -> o.category.name();
        };
        Map<String, List<MobilizationOrder>> groups = found.stream()
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
        List<ResponseFigureGroup> result = groups.entrySet().stream()
                .map(group -> groupFigures(group.getKey(), group.getValue(), grouping, teamNames))
                .sorted(Comparator.comparing(ResponseFigureGroup::getKey))
                .toList();
        return new ResponseFigures(from, to, grouping, result);
    }

    private ResponseFigureGroup groupFigures(String key, List<MobilizationOrder> group, ResponseFigureGrouping grouping,
                                             Map<UUID, String> teamNames) {
        MobilizationOrder first = group.get(0);
        List<LateDeparture> late = group.stream()
                .filter(o -> o.departedAt != null)
                .filter(o -> Duration.between(o.alarmAt, o.departedAt).compareTo(DEPARTURE_EXPECTED_WITHIN.get(o.category)) > 0)
                .map(o -> new LateDeparture(o.id, o.teamId, teamNames.get(o.teamId), o.category,
                        seconds(o.alarmAt, o.departedAt), (int) DEPARTURE_EXPECTED_WITHIN.get(o.category).toSeconds()))
                .toList();
        ResponseFigureGroup figures = new ResponseFigureGroup()
                .key(key)
                .orders((long) group.size())
                .acknowledge(durations(group, o -> o.acknowledgedAt))
                .departure(durations(group, o -> o.departedAt))
                .arrival(durations(group, o -> o.arrivedAt))
                .lateDepartures(late);
        switch (grouping) {
            case TEAM -> figures.teamName(teamNames.get(first.teamId)).province(first.province).category(first.category);
            case PROVINCE -> figures.province(first.province);
            case CATEGORY -> figures.category(first.category);
        }
        return figures;
    }

    private static DurationFigures durations(List<MobilizationOrder> group, Function<MobilizationOrder, Instant> step) {
        double[] seconds = group.stream().filter(o -> step.apply(o) != null)
                .mapToDouble(o -> seconds(o.alarmAt, step.apply(o))).sorted().toArray();
        DurationFigures figures = new DurationFigures((long) seconds.length);
        if (seconds.length > 0) {
            figures.medianSeconds(percentile(seconds, 0.5)).p90Seconds(percentile(seconds, 0.9));
        }
        return figures;
    }

    /** The continuous percentile (linear interpolation between closest ranks), as PostgreSQL's percentile_cont. */
    static double percentile(double[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        double value = sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
        return Math.round(value * 10) / 10.0;
    }

    private static double seconds(Instant from, Instant to) {
        return Objects.requireNonNull(to).toEpochMilli() / 1000.0 - from.toEpochMilli() / 1000.0;
    }
}
