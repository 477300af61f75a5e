package cn.rescueforce.teams.figures;

import cn.rescueforce.teams.api.model.TeamCategory;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Counts of the registry's own figures per cell (province, category and, for snapshots, supporting unit), as the
 * aggregate queries answer them, folded into the totals, groups and scopes an answer needs.
 */
final class FigureTally {

    /** Where a row of counts belongs; {@code unit} is null when the query does not split by unit. */
    record Cell(String province, TeamCategory category, UUID unit) {
    }

    /** The figures of one cell, or of several folded together. */
    static final class Counts {
        final Map<String, Long> teamsByStatus = new TreeMap<>();
        final Map<String, Long> teamsByGrade = new TreeMap<>();
        final Map<String, Long> teamsByReadiness = new TreeMap<>();
        final Map<String, Long> rescuersByTalentType = new TreeMap<>();
        final Map<String, Long> rescuersByRole = new TreeMap<>();
        final Map<String, Long> teamsByCategory = new TreeMap<>();
        final Map<String, Long> rescuersByCategory = new TreeMap<>();
        long teams;
        long rescuers;
        long withValidCertificate;
        long drills;
        long drillMinutes;
        long trainingHours;
        long mobilizations;
        long insured;
        long inspections;
        long hazardsFound;
        long technicalServices;
        long serviceDays;
        long outreachActivities;
        long outreachParticipants;

        void add(Counts other) {
            merge(teamsByStatus, other.teamsByStatus);
            merge(teamsByGrade, other.teamsByGrade);
            merge(teamsByReadiness, other.teamsByReadiness);
            merge(rescuersByTalentType, other.rescuersByTalentType);
            merge(rescuersByRole, other.rescuersByRole);
            merge(teamsByCategory, other.teamsByCategory);
            merge(rescuersByCategory, other.rescuersByCategory);
            teams += other.teams;
            rescuers += other.rescuers;
            withValidCertificate += other.withValidCertificate;
            drills += other.drills;
            drillMinutes += other.drillMinutes;
            trainingHours += other.trainingHours;
            mobilizations += other.mobilizations;
            insured += other.insured;
            inspections += other.inspections;
            hazardsFound += other.hazardsFound;
            technicalServices += other.technicalServices;
            serviceDays += other.serviceDays;
            outreachActivities += other.outreachActivities;
            outreachParticipants += other.outreachParticipants;
        }

        /** Serving members holding a valid certificate over serving members, four decimals; 0 without members. */
        double validCertificateShare() {
            return share(withValidCertificate, rescuers);
        }

        double drillHours() {
            return Math.round(drillMinutes / 6.0) / 10.0;
        }

        private static void merge(Map<String, Long> into, Map<String, Long> from) {
            from.forEach((key, count) -> into.merge(key, count, Long::sum));
        }
    }

    private final Map<Cell, Counts> cells = new HashMap<>();

    Counts cell(String province, TeamCategory category, UUID unit) {
        return cells.computeIfAbsent(new Cell(province, category, unit), c -> new Counts());
    }

    /** The cells that match, folded into one. */
    Counts fold(Predicate<Cell> which) {
        Counts folded = new Counts();
        cells.forEach((cell, counts) -> {
            if (which.test(cell)) {
                folded.add(counts);
            }
        });
        return folded;
    }

    /** The cells folded per key (a province, a category), keys in order. */
    Map<String, Counts> foldBy(java.util.function.Function<Cell, String> key) {
        Map<String, Counts> groups = new TreeMap<>();
        cells.forEach((cell, counts) -> groups.computeIfAbsent(Objects.requireNonNull(key.apply(cell)), k -> new Counts()).add(counts));
        return groups;
    }

    java.util.Set<Cell> cells() {
        return cells.keySet();
    }

    /** part ÷ whole to four decimals; 0 when whole is 0. */
    static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    static void count(Map<String, Long> counts, String value, long n) {
        counts.merge(value, n, Long::sum);
    }
}
