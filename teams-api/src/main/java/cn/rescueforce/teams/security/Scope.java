package cn.rescueforce.teams.security;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.CallerScope;
import cn.rescueforce.kit.security.TeamColumns;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.team.Team;
import jakarta.enterprise.context.RequestScoped;

import java.util.UUID;

/**
 * What the caller may see and do with teams, asked by the services of this registry; the rule itself is the
 * kit's {@link TeamScope}. Out-of-scope objects are reported as missing (404), actions the level may never take
 * as forbidden (403).
 */
@RequestScoped
public class Scope extends CallerScope {

    /** Whether the caller's scope covers a team with these facts (a team, or a row that copies its facts). */
    public boolean covers(String province, TeamCategory category, UUID supportingUnitId) {
        return caller().covers(province, TeamScope.isMining(category), supportingUnitId);
    }

    public boolean maySee(Team team) {
        return covers(team.province, team.category, team.supportingUnitId);
    }

    /** The team, or 404 when it is out of the caller's scope, exactly as if it did not exist. */
    public Team visible(Team team, Object id) {
        if (team == null || !maySee(team)) {
            throw ProblemException.notFound(Text.of("team"), id);
        }
        return team;
    }

    /**
     * The caller's scope added to {@code where} as a condition on the team facts of the rows read:
     * {@code prefix} is "" for a team or a row that copies its facts, "t." for a team aliased {@code t}.
     */
    public Where restrict(Where where, String prefix) {
        return caller().teamScope().restrict(where, teamColumns(prefix));
    }

    /** Where teams, and the rows that copy a team's facts (orders, agreements), keep those facts. */
    public static TeamColumns teamColumns(String prefix) {
        return TeamColumns.withCategory(prefix + "province", prefix + "category", TeamCategory.MINING, prefix + "supportingUnitId");
    }
}
