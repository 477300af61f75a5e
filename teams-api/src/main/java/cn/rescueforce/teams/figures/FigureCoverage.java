package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamColumns;
import cn.rescueforce.teams.api.model.FigureScope;
import cn.rescueforce.teams.api.model.TeamCategory;

import java.util.UUID;

/**
 * The teams an answer of figures covers: the caller's scope (the kit's TeamScope), narrowed by the filters asked. A
 * filter outside the caller's scope (another province for a provincial department, another category for a
 * mine-safety bureau) leaves nothing, as a list filtered so would.
 *
 * @param province the one province covered, or null for every province
 * @param category the one category covered, or null for every category
 * @param unit     the supporting unit whose teams are covered (a unit's answer), or null
 * @param nothing  the filters leave no team in scope
 */
record FigureCoverage(Caller caller, String province, TeamCategory category, UUID unit, boolean nothing) {

    /** The team table aliased {@code t} in the figures' native queries. */
    static final TeamColumns TEAM = TeamColumns.withCategory("t.province", "t.category", TeamCategory.MINING, "t.supporting_unit_id");

    static FigureCoverage of(Caller caller, String provinceAsked, TeamCategory categoryAsked) {
        String province = provinceAsked;
        TeamCategory category = categoryAsked;
        boolean nothing = false;
        if (caller.isAnyOf(ManagementLevel.PROVINCIAL, ManagementLevel.MINE_SAFETY)) {
            nothing = provinceAsked != null && !provinceAsked.equals(caller.region());
            province = caller.region();
        }
        if (caller.is(ManagementLevel.MINE_SAFETY)) {
            nothing |= categoryAsked != null && categoryAsked != TeamCategory.MINING;
            category = TeamCategory.MINING;
        }
        return new FigureCoverage(caller, province, category, caller.is(ManagementLevel.UNIT) ? caller.org() : null, nothing);
    }

    boolean coversNothing() {
        return nothing;
    }

    /** The condition on the team aliased {@code t}: the caller's scope, then the filters. */
    Where teams() {
        Where where = caller.teamScope().restrict(new Where(), TEAM)
                .equal("t.province", province)
                .equal("t.category", category);
        return where.condition(nothing, "1 = 0");
    }

    FigureScope toApi() {
        return new FigureScope().level(FigureScope.LevelEnum.fromValue(caller.level().name()))
                .province(province).category(category).supportingUnitId(unit);
    }
}
