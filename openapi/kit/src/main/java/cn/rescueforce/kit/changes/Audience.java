package cn.rescueforce.kit.changes;

import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.kit.security.TeamSet;

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
 * <p>An object of teams is read by whoever's team scope covers one of its teams ({@link TeamScope#coversAny}): a team's
 * own objects have one, a service agreement its team as if it were in the enterprise's province too, an incident the
 * facts of each province it concerns and of every engaged team, of any number of provinces and units, mining and
 * other teams mixed. The in-memory rule ({@link #admits}) and the query condition ({@link #restrict}) say the same.
 *
 * @param kind        whose objects: {@link Kind}
 * @param teams       TEAM: the teams' facts; PROVINCE: the province, as a mining team of it (its provincial and
 *                    mine-safety levels); otherwise none
 * @param assessorOrg TEAM: the assessor organisation an assessment of the team is assigned to (it sees the change too)
 * @param levels      the levels that may read this kind of object at all; null: every level the kind lets in
 * @param everyOf     levels that see it whatever their region or organisation (every unit sees a provincial depot);
 *                    null: none
 */
public record Audience(Kind kind, TeamSet teams, UUID assessorOrg, Set<ManagementLevel> levels, Set<ManagementLevel> everyOf) {

    /** Where {@link ChangeEvent} keeps {@link #teams} ({@link TeamSet#column}). */
    static final TeamSet.Columns TEAM_COLUMNS = new TeamSet.Columns("provinces", "miningProvinces", "units");

    public enum Kind {
        /** Every authenticated caller (catalogues, standards). */
        ALL,
        /** The levels whose team scope covers one of the teams ({@link TeamScope}), and the assessor organisation named. */
        TEAM,
        /** national, and the provincial and mine-safety levels of the province (objects a province owns). */
        PROVINCE,
        /** national only (operations of the service itself). */
        NATIONAL
    }

    public Audience {
        teams = teams == null ? TeamSet.NONE : teams;
    }

    public static Audience everyone() {
        return new Audience(Kind.ALL, TeamSet.NONE, null, null, null);
    }

    public static Audience national() {
        return new Audience(Kind.NATIONAL, TeamSet.NONE, null, null, null);
    }

    /** The levels of {@code province}; national and services see it too. */
    public static Audience province(String province) {
        return new Audience(Kind.PROVINCE, TeamSet.of(province, true, null), null, null, null);
    }

    /** Whoever's team scope covers a team with these facts ({@link TeamScope#covers}). */
    public static Audience team(String province, boolean mining, UUID unit) {
        return teams(TeamSet.of(province, mining, unit));
    }

    /** Whoever's team scope covers one of these teams ({@link TeamScope#coversAny}). */
    public static Audience teams(TeamSet teams) {
        return new Audience(Kind.TEAM, teams, null, null, null);
    }

    /** Also whoever's team scope covers a team with these facts. */
    public Audience andTeam(String province, boolean mining, UUID unit) {
        return new Audience(kind, teams.and(province, mining, unit), assessorOrg, levels, everyOf);
    }

    /** Also the assessor organisation {@code org} (an assessment assigned to it); none when null. */
    public Audience andAssessor(UUID org) {
        return new Audience(kind, teams, org, levels, everyOf);
    }

    /**
     * Only these levels among those the kind lets in (national always; the services' own accounts only when named:
     * a service reads only what its calls need).
     */
    public Audience onlyLevels(ManagementLevel... allowed) {
        Set<ManagementLevel> set = EnumSet.of(ManagementLevel.NATIONAL);
        set.addAll(Set.of(allowed));
        return new Audience(kind, teams, assessorOrg, set, everyOf);
    }

    /** Also every caller of these levels, whatever its region or organisation. */
    public Audience andEvery(ManagementLevel... all) {
        Set<ManagementLevel> set = EnumSet.noneOf(ManagementLevel.class);
        if (everyOf != null) {
            set.addAll(everyOf);
        }
        set.addAll(Set.of(all));
        return new Audience(kind, teams, assessorOrg, levels, set);
    }

    /** The columns of {@link ChangeEvent} that keep an audience, in {@link #columnValues}'s order. */
    static final String COLUMNS = "audience, provinces, mining_provinces, units, assessor_org, levels, every_of";

    /**
     * The audience as stored ({@link #COLUMNS}): the kind by name, each of the teams' sets as {@link TeamSet#column},
     * the assessor organisation, and the levels and {@link #everyOf} levels as {@code ,LEVEL,LEVEL,} (so that a
     * {@code like} finds one); null for what is absent.
     */
    Object[] columnValues() {
        return new Object[]{kind.name(), TeamSet.column(teams.provinces()), TeamSet.column(teams.miningProvinces()),
                TeamSet.column(teams.units()), assessorOrg, column(levels), column(everyOf)};
    }

    private static String column(Set<ManagementLevel> set) {
        return set == null ? null : set.stream().map(Enum::name).sorted().collect(Collectors.joining(",", ",", ","));
    }

    /**
     * The rule in memory: national sees every change; the levels narrow; then the services see all but NATIONAL's,
     * and the others ALL's, those of an {@code everyOf} level, those whose team scope covers one of the teams (TEAM and
     * PROVINCE), and the assigned assessor organisation.
     */
    public boolean admits(Caller caller) {
        if (caller.is(ManagementLevel.NATIONAL)) {
            return true;
        }
        if (levels != null && !levels.contains(caller.level())) {
            return false;
        }
        if (caller.is(ManagementLevel.SERVICE)) {
            return kind != Kind.NATIONAL;
        }
        return kind == Kind.ALL
                || everyOf != null && everyOf.contains(caller.level())
                || caller.teamScope().coversAny(teams)
                || caller.is(ManagementLevel.ASSESSOR) && caller.org() != null && caller.org().equals(assessorOrg);
    }

    /**
     * {@link #admits} as a condition on {@link ChangeEvent}'s columns, for the feed and the webhooks: an indexed range
     * of positions filtered by it. Only TEAM and PROVINCE audiences keep teams, so the team scope's condition over
     * them needs no kind.
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
                w -> caller.teamScope().restrictAny(w, TEAM_COLUMNS),
                w -> {
                    if (caller.is(ManagementLevel.ASSESSOR) && caller.org() != null) {
                        w.equal("assessorOrg", caller.org());
                    } else {
                        w.condition(true, "1 = 0");
                    }
                });
    }
}
