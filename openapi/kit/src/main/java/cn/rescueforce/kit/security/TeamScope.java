package cn.rescueforce.kit.security;

import cn.rescueforce.kit.query.Where;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The one scope rule for team-owned objects (README, "How the API behaves"): national and other services see
 * every team; a provincial department the teams of its province; a mine-safety bureau the mining teams of
 * its province; a unit the teams it hosts; an assessor none (assessors reach teams only through the
 * assessments assigned to them). The rule is held as data, so that the in-memory check ({@link #covers})
 * and the query condition ({@link #restrict}) cannot disagree.
 *
 * @param all        every team is covered
 * @param province   only teams of this province (with {@code miningOnly}: only its mining teams)
 * @param miningOnly only mining teams
 * @param unit       only teams hosted by this supporting unit
 */
public record TeamScope(boolean all, String province, boolean miningOnly, UUID unit) {

    /** The name of the mining category in every contract (TeamCategory). */
    public static final String MINING = "MINING";

    private static final TeamScope EVERY_TEAM = new TeamScope(true, null, false, null);
    private static final TeamScope NO_TEAM = new TeamScope(false, null, false, null);

    public static TeamScope of(Caller caller) {
        return switch (caller.level()) {
            case NATIONAL, SERVICE -> EVERY_TEAM;
            case PROVINCIAL -> new TeamScope(false, caller.region(), false, null);
            case MINE_SAFETY -> new TeamScope(false, caller.region(), true, null);
            case UNIT -> new TeamScope(false, null, false, caller.org());
            case ASSESSOR -> NO_TEAM;
        };
    }

    /** Whether a team category (any contract's TeamCategory, or its name) is the mining category. */
    public static boolean isMining(Object category) {
        if (category == null) {
            return false;
        }
        return MINING.equals(category instanceof Enum<?> e ? e.name() : category.toString());
    }

    public boolean coversNothing() {
        return !all && province == null && unit == null;
    }

    /** The in-memory check: is a team with these facts in scope? */
    public boolean covers(String teamProvince, boolean miningTeam, UUID supportingUnitId) {
        if (all) {
            return true;
        }
        if (province != null) {
            return province.equals(teamProvince) && (!miningOnly || miningTeam);
        }
        return unit != null && unit.equals(supportingUnitId);
    }

    /**
     * The in-memory check over several teams: is one of them in scope? Each level looks at one fact of a team, so it is
     * whether the set holds that fact: the province (of a mining team for {@code miningOnly}), or the unit. A scope of
     * every team covers every set.
     */
    public boolean coversAny(TeamSet teams) {
        if (all) {
            return true;
        }
        if (province != null) {
            return (miningOnly ? teams.miningProvinces() : teams.provinces()).contains(province);
        }
        return unit != null && teams.units().contains(unit);
    }

    /**
     * {@link #coversAny} as a condition on a team set's columns ({@link TeamSet#column}: {@code like '%,X,%'}), added to
     * {@code where}; nothing when all is visible.
     */
    public Where restrictAny(Where where, TeamSet.Columns columns) {
        if (all) {
            return where;
        }
        if (coversNothing()) {
            return where.condition(true, "1 = 0");
        }
        String name = where.name();
        String column = province == null ? columns.units() : miningOnly ? columns.miningProvinces() : columns.provinces();
        Object fact = province == null ? unit : province;
        return where.condition(column + " like :" + name, Map.of(name, "%," + fact + ",%"));
    }

    /** The same rule as a condition on the given columns, added to {@code where}; nothing when all is visible. */
    public Where restrict(Where where, TeamColumns columns) {
        if (all) {
            return where;
        }
        if (coversNothing()) {
            return where.condition(true, "1 = 0");
        }
        Map<String, Object> values = new HashMap<>();
        StringBuilder condition = new StringBuilder();
        if (province != null) {
            String name = where.name();
            values.put(name, province);
            condition.append(columns.province()).append(" = :").append(name);
            if (miningOnly) {
                condition.append(" and ").append(mining(columns, where, values));
            }
        } else {
            String name = where.name();
            values.put(name, unit);
            condition.append(columns.supportingUnit()).append(" = :").append(name);
        }
        return where.condition(condition.toString(), values);
    }

    private static String mining(TeamColumns columns, Where where, Map<String, Object> values) {
        if (columns.miningCategory() == null) {
            return columns.mining();
        }
        String name = where.name();
        values.put(name, columns.miningCategory());
        return columns.mining().replace(":miningCategory", ":" + name);
    }
}
