package cn.rescueforce.teams.mobilization;

import cn.rescueforce.teams.api.model.DurationFigures;
import cn.rescueforce.teams.api.model.LateDeparture;
import cn.rescueforce.teams.api.model.MobilizationStatus;
import cn.rescueforce.teams.api.model.ResponseFigureGroup;
import cn.rescueforce.teams.api.model.ResponseFigureGrouping;
import cn.rescueforce.teams.api.model.ResponseFigures;
import cn.rescueforce.teams.api.model.TeamCategory;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The response figures of a set of orders: per group (team, province or category) the count, the median and
 * 90th percentile of the time from the alarm to each step, and the departures later than the category expects.
 */
final class ResponseFigureReport {

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

    private ResponseFigureReport() {
    }

    /** The figures of {@code orders} (alarmed between {@code from} and {@code to}), groups in key order. */
    static ResponseFigures of(OffsetDateTime from, OffsetDateTime to, ResponseFigureGrouping grouping,
                              List<MobilizationOrder> orders, Map<UUID, String> teamNames) {
        return of(from, to, grouping, orders, teamNames, Map.of(), false);
    }

    /**
     * The figures with {@code incidentTitles} for groups per incident; {@code excludeLateReported}: a step reported
     * after the fact counts in no duration and no late departure (it is still counted in {@code lateReportedSteps}).
     */
    static ResponseFigures of(OffsetDateTime from, OffsetDateTime to, ResponseFigureGrouping grouping,
                              List<MobilizationOrder> orders, Map<UUID, String> teamNames, Map<UUID, String> incidentTitles,
                              boolean excludeLateReported) {
        Function<MobilizationOrder, String> key = switch (grouping) {
            case TEAM -> o -> o.teamId.toString();
            case PROVINCE -> o -> o.province;
            case CATEGORY -> o -> o.category.name();
            case INCIDENT -> o -> o.incidentId.toString();
        };
        Map<String, List<MobilizationOrder>> groups = orders.stream()
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.toList()));
        List<ResponseFigureGroup> result = groups.entrySet().stream()
                .map(group -> groupFigures(group.getKey(), group.getValue(), grouping, teamNames, incidentTitles, excludeLateReported))
                .sorted(Comparator.comparing(ResponseFigureGroup::getKey))
                .toList();
        return new ResponseFigures(from, to, grouping, result);
    }

    private static ResponseFigureGroup groupFigures(String key, List<MobilizationOrder> group, ResponseFigureGrouping grouping,
                                                    Map<UUID, String> teamNames, Map<UUID, String> incidentTitles,
                                                    boolean excludeLate) {
        MobilizationOrder first = group.get(0);
        List<LateDeparture> late = group.stream()
                .filter(o -> o.departedAt != null)
                .filter(o -> !(excludeLate && o.isReportedLate(MobilizationStatus.EN_ROUTE)))
                .filter(o -> Duration.between(o.alarmAt, o.departedAt).compareTo(DEPARTURE_EXPECTED_WITHIN.get(o.category)) > 0)
                .map(o -> new LateDeparture(o.id, o.teamId, teamNames.get(o.teamId), o.category,
                        seconds(o.alarmAt, o.departedAt), (int) DEPARTURE_EXPECTED_WITHIN.get(o.category).toSeconds()))
                .toList();
        ResponseFigureGroup figures = new ResponseFigureGroup()
                .key(key)
                .orders((long) group.size())
                .acknowledge(durations(group, step(MobilizationStatus.ACKNOWLEDGED, o -> o.acknowledgedAt, excludeLate)))
                .departure(durations(group, step(MobilizationStatus.EN_ROUTE, o -> o.departedAt, excludeLate)))
                .arrival(durations(group, step(MobilizationStatus.ON_SITE, o -> o.arrivedAt, excludeLate)))
                .lateDepartures(late)
                .lateReportedSteps(group.stream().mapToLong(o -> o.lateReportedSteps().size()).sum());
        switch (grouping) {
            case TEAM -> figures.teamName(teamNames.get(first.teamId)).province(first.province).category(first.category);
            case PROVINCE -> figures.province(first.province);
            case CATEGORY -> figures.category(first.category);
            case INCIDENT -> figures.incidentTitle(incidentTitles.get(first.incidentId));
        }
        return figures;
    }

    /** The time of a step, or none when the step is reported late and such steps are left out. */
    private static Function<MobilizationOrder, Instant> step(MobilizationStatus status, Function<MobilizationOrder, Instant> time,
                                                             boolean excludeLate) {
        return o -> excludeLate && o.isReportedLate(status) ? null : time.apply(o);
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
