package cn.rescueforce.teams.security;

import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CurrentCaller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.api.model.TeamCategory;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.SERVICE;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/**
 * What the caller may see and do with teams (DESIGN.md, management levels). Services ask it; out-of-scope
 * objects are reported as missing (404), actions the level may never take as forbidden (403).
 */
@RequestScoped
public class Scope {

    /** Levels that maintain a team's profile, readiness, members and certificates. */
    public static final List<ManagementLevel> TEAM_EDITORS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT);
    /** Levels that read the registry (other services read through their service account). */
    public static final List<ManagementLevel> TEAM_READERS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT, SERVICE);

    @Inject
    CurrentCaller currentCaller;

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

    public boolean maySee(Team team) {
        return caller().covers(team.province, team.category == TeamCategory.MINING, team.supportingUnitId);
    }

    /** The team, or 404 when it is out of the caller's scope, exactly as if it did not exist. */
    public Team visible(Team team, Object id) {
        if (team == null || !maySee(team)) {
            throw ProblemException.notFound("team", id);
        }
        return team;
    }

    /**
     * The caller's scope as a query condition on a team alias, e.g. {@code visibleTeams("t", params)} gives
     * {@code t.province = :scopeRegion} for a provincial caller; "" when everything is visible.
     */
    public String visibleTeams(String alias, Parameters params) {
        Caller caller = caller();
        String prefix = alias.isEmpty() ? "" : alias + ".";
        return switch (caller.level()) {
            case NATIONAL, SERVICE -> "";
            case PROVINCIAL -> {
                params.and("scopeRegion", caller.region());
                yield prefix + "province = :scopeRegion";
            }
            case MINE_SAFETY -> {
                params.and("scopeRegion", caller.region()).and("scopeCategory", TeamCategory.MINING);
                yield prefix + "province = :scopeRegion and " + prefix + "category = :scopeCategory";
            }
            case UNIT -> {
                params.and("scopeUnit", caller.org());
                yield prefix + "supportingUnitId = :scopeUnit";
            }
            case ASSESSOR -> throw ProblemException.forbidden("Assessors read team summaries through assessment-api");
        };
    }

    public static String and(String... conditions) {
        return Arrays.stream(conditions).filter(c -> c != null && !c.isBlank()).collect(Collectors.joining(" and "));
    }
}
