package cn.rescueforce.equipment.security;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.teams.TeamDirectory;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.CallerScope;
import cn.rescueforce.kit.security.TeamColumns;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/**
 * The caller of this request and its scope over teams (the kit's TeamScope). Teams come from teams-api; a team
 * out of scope is reported as missing (404), an action the level may never take as forbidden (403). Depots are
 * this service's own: their rules are the depot capability's (DepotScope).
 */
@RequestScoped
public class Scope extends CallerScope {

    @Inject
    TeamDirectory teams;

    /** The team from teams-api, or 404 when it does not exist or is out of the caller's scope. */
    public TeamRef visibleTeam(UUID teamId) {
        TeamRef team = teams.get(teamId);
        if (!caller().covers(team.province(), team.mining(), team.supportingUnitId())) {
            throw ProblemException.notFound(Text.of("team"), teamId);
        }
        return team;
    }

    /** Restricts {@code where} to rows of teams in the caller's scope, on the team columns under {@code alias}. */
    public Where restrictToVisibleTeams(Where where, String alias) {
        return caller().teamScope().restrict(where, teamColumns(alias));
    }

    /**
     * The team facts every team-owned row keeps as teams-api gave them ({@code teamProvince}, {@code teamMining},
     * {@code teamUnitId}), under {@code alias} ("" for none).
     */
    public static TeamColumns teamColumns(String alias) {
        String p = alias.isEmpty() ? "" : alias + ".";
        return TeamColumns.withMiningFlag(p + "teamProvince", p + "teamMining", p + "teamUnitId");
    }
}
