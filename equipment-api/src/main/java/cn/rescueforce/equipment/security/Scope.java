package cn.rescueforce.equipment.security;

import cn.rescueforce.equipment.teams.TeamDirectory;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CurrentCaller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamColumns;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.SERVICE;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/**
 * The caller of this request and its scope over teams (the kit's TeamScope). Teams come from teams-api; a team
 * out of scope is reported as missing (404), an action the level may never take as forbidden (403). Depots are
 * this service's own: their rules are the depot capability's (DepotScope).
 */
@RequestScoped
public class Scope {

    /** Levels that keep a team's equipment and request call-ups for it. */
    public static final List<ManagementLevel> TEAM_EDITORS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT);
    /** Levels that read team equipment and compliance (other services through their service account). */
    public static final List<ManagementLevel> TEAM_READERS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT, SERVICE);

    @Inject
    CurrentCaller currentCaller;

    @Inject
    TeamDirectory teams;

    public Caller caller() {
        return currentCaller.get();
    }

    /** 403 unless the caller's level is one of {@code levels}. */
    public void requireLevel(List<ManagementLevel> levels, String action) {
        caller().requireLevel(levels, action);
    }

    public void requireLevel(ManagementLevel level, String action) {
        requireLevel(List.of(level), action);
    }

    /** The team from teams-api, or 404 when it does not exist or is out of the caller's scope. */
    public TeamRef visibleTeam(UUID teamId) {
        TeamRef team = teams.get(teamId);
        if (!caller().covers(team.province(), team.mining(), team.supportingUnitId())) {
            throw ProblemException.notFound("team", teamId);
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
