package cn.rescueforce.kit.changes;

import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamColumns;
import cn.rescueforce.kit.security.TeamScope;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who may see a change in the feed and receive it by webhook: exactly who may read the changed object
 * (README, "Change feed and webhooks"). Kept with every change as data, turned into the feed's query condition
 * ({@link #restrict}) for the reader (a webhook's reader is its subscription's owner). {@code national} and the
 * services' own accounts see every change, as they read every object.
 *
 * @param kind        whose objects: {@link Kind}
 * @param province    TEAM: the team's province; PROVINCE: the province
 * @param mining      TEAM: whether the team is a mining team
 * @param unit        TEAM: the team's supporting unit
 * @param assessorOrg TEAM: the assessor organisation an assessment of the team is assigned to (it sees the change too)
 * @param levels      the levels that may read this kind of object at all; null: every level the kind lets in
 * @param everyOf     levels that see it whatever their region or organisation (every unit sees a provincial depot);
 *                    null: none
 * @param alsoProvince TEAM: a second province whose team scope covers it as if the team were there (a service agreement
 *                    with an enterprise of another province); null: none
 */
public record Audience(Kind kind, String province, boolean mining, UUID unit, UUID assessorOrg, Set<ManagementLevel> levels,
                       Set<ManagementLevel> everyOf, String alsoProvince) {

    public enum Kind {
        /** Every authenticated caller (catalogues, standards). */
        ALL,
        /** The levels whose team scope covers the team ({@link TeamScope}), and the assessor organisation named. */
        TEAM,
        /** national, and the provincial and mine-safety levels of the province (objects a province owns). */
        PROVINCE,
        /** national only (operations of the service itself). */
        NATIONAL
    }

    public static Audience everyone() {
        return new Audience(Kind.ALL, null, false, null, null, null, null, null);
    }

    public static Audience national() {
        return new Audience(Kind.NATIONAL, null, false, null, null, null, null, null);
    }

    /** The levels of {@code province}; national and services see it too. */
    public static Audience province(String province) {
        return new Audience(Kind.PROVINCE, province, false, null, null, null, null, null);
    }

    /** Whoever's team scope covers a team with these facts ({@link TeamScope#covers}). */
    public static Audience team(String province, boolean mining, UUID unit) {
        return new Audience(Kind.TEAM, province, mining, unit, null, null, null, null);
    }

    /** Also the assessor organisation {@code org} (an assessment assigned to it); none when null. */
    public Audience andAssessor(UUID org) {
        return new Audience(kind, province, mining, unit, org, levels, everyOf, alsoProvince);
    }

    /** Also the levels whose team scope covers a team of this province with the same facts. */
    public Audience andProvince(String other) {
        return new Audience(kind, province, mining, unit, assessorOrg, levels, everyOf, other);
    }

    /**
     * Only these levels among those the kind lets in (national always; the services' own accounts only when named:
     * a service reads only what its calls need).
     */
    public Audience onlyLevels(ManagementLevel... allowed) {
        Set<ManagementLevel> set = EnumSet.of(ManagementLevel.NATIONAL);
        set.addAll(Set.of(allowed));
        return new Audience(kind, province, mining, unit, assessorOrg, set, everyOf, alsoProvince);
    }

    /** Also every caller of these levels, whatever its region or organisation. */
    public Audience andEvery(ManagementLevel... all) {
        Set<ManagementLevel> set = EnumSet.noneOf(ManagementLevel.class);
        if (everyOf != null) {
            set.addAll(everyOf);
        }
        set.addAll(Set.of(all));
        return new Audience(kind, province, mining, unit, assessorOrg, levels, set, alsoProvince);
    }

    /** The levels as stored: {@code ,LEVEL,LEVEL,} (so that a {@code like} finds one), or null. */
    String levelsColumn() {
        return column(levels);
    }

    /** The {@link #everyOf} levels as stored, like {@link #levelsColumn}. */
    String everyOfColumn() {
        return column(everyOf);
    }

    private static String column(Set<ManagementLevel> set) {
        return set == null ? null : set.stream().map(Enum::name).sorted().collect(Collectors.joining(",", ",", ","));
    }

    /**
     * The rule as a condition on {@link ChangeEvent}'s columns: national sees every change; the levels column narrows;
     * then the kind (ALL; PROVINCE: its provincial and mine-safety levels, and services; TEAM: the caller's team scope
     * in the team's province or {@code alsoProvince}, and the assigned assessor organisation; NATIONAL: none else) or
     * {@code everyOf}.
     */
    static Where restrict(Where where, Caller caller) {
        if (caller.is(ManagementLevel.NATIONAL)) {
            return where;
        }
        String level = where.name();
        String pattern = "%," + caller.level().name() + ",%";
        where.condition("(levels is null or levels like :" + level + ")", Map.of(level, pattern));
        if (caller.is(ManagementLevel.SERVICE)) {
            return where.condition(true, "audience <> 'NATIONAL'");
        }
        return where.anyOf(
                w -> w.condition("audience = 'ALL'", Map.of()),
                w -> w.condition("everyOf like :" + level, Map.of(level, pattern)),
                w -> {
                    if (caller.isAnyOf(ManagementLevel.PROVINCIAL, ManagementLevel.MINE_SAFETY)) {
                        w.condition("audience = 'PROVINCE'", Map.of()).equal("province", caller.region());
                    } else {
                        w.condition(true, "1 = 0");
                    }
                },
                w -> {
                    w.condition("audience = 'TEAM'", Map.of());
                    caller.teamScope().restrict(w, TeamColumns.withMiningFlag("province", "mining", "unit"));
                },
                w -> {
                    w.condition("audience = 'TEAM' and alsoProvince is not null", Map.of());
                    caller.teamScope().restrict(w, TeamColumns.withMiningFlag("alsoProvince", "mining", "unit"));
                },
                w -> {
                    if (caller.is(ManagementLevel.ASSESSOR) && caller.org() != null) {
                        w.condition("audience = 'TEAM'", Map.of()).equal("assessorOrg", caller.org());
                    } else {
                        w.condition(true, "1 = 0");
                    }
                });
    }
}
