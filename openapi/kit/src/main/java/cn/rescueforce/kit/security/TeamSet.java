package cn.rescueforce.kit.security;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The facts of several teams, as the scope rule ({@link TeamScope}) needs them to tell whether a caller covers any
 * of them: an object that concerns teams of several provinces and units (an incident and its engaged teams) is read
 * by whoever covers one. Each level looks at one fact only (a provincial level at the province, a mine-safety level
 * at the province of a mining team, a unit at the supporting unit), so the teams are kept as three sets and
 * covering one of the teams is covering one of their entries ({@link TeamScope#coversAny}).
 *
 * @param provinces       the provinces of the teams
 * @param miningProvinces the provinces of the mining teams among them
 * @param units           their supporting units
 */
public record TeamSet(Set<String> provinces, Set<String> miningProvinces, Set<UUID> units) {

    /**
     * Where a query finds a team set kept as three text columns, each a {@link #column} (JPQL property paths, as
     * {@link TeamColumns} names a single team's).
     */
    public record Columns(String provinces, String miningProvinces, String units) {
    }

    public static final TeamSet NONE = new TeamSet(Set.of(), Set.of(), Set.of());

    public TeamSet {
        provinces = sorted(provinces);
        miningProvinces = sorted(miningProvinces);
        units = sorted(units);
        if (!provinces.containsAll(miningProvinces)) {
            throw new IllegalArgumentException("a mining team's province is a team's province: " + miningProvinces + " not in " + provinces);
        }
    }

    /** One team's facts (a fact may be null: a unit's objects of no province, a province's of no unit). */
    public static TeamSet of(String province, boolean mining, UUID unit) {
        return NONE.and(province, mining, unit);
    }

    /** These teams and one more. */
    public TeamSet and(String province, boolean mining, UUID unit) {
        TeamSet one = new TeamSet(province == null ? Set.of() : Set.of(province),
                province != null && mining ? Set.of(province) : Set.of(), unit == null ? Set.of() : Set.of(unit));
        return and(one);
    }

    /** These teams and those. */
    public TeamSet and(TeamSet other) {
        return new TeamSet(union(provinces, other.provinces), union(miningProvinces, other.miningProvinces), union(units, other.units));
    }

    public boolean isEmpty() {
        return provinces.isEmpty() && units.isEmpty();
    }

    /** A set as a text column holds it: {@code ,A,B,} (so that {@code like '%,A,%'} finds one), or null when empty. */
    public static String column(Set<?> set) {
        return set.isEmpty() ? null : set.stream().map(Object::toString).sorted().collect(Collectors.joining(",", ",", ","));
    }

    private static <T extends Comparable<T>> Set<T> sorted(Collection<T> values) {
        return values == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(values));
    }

    private static <T extends Comparable<T>> Set<T> union(Set<T> a, Set<T> b) {
        Set<T> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
