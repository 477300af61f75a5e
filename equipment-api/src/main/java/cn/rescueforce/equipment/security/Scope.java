package cn.rescueforce.equipment.security;

import cn.rescueforce.equipment.api.model.DepotOwnerLevel;
import cn.rescueforce.equipment.depot.ReserveDepot;
import cn.rescueforce.equipment.teams.TeamDirectory;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CurrentCaller;
import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.SERVICE;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/**
 * What the caller may see and do (DESIGN.md, management levels). Teams come from teams-api; depots are
 * this service's own. Out-of-scope objects are reported as missing (404), actions the level may never take
 * as forbidden (403).
 */
@RequestScoped
public class Scope {

    /** Levels that keep a team's equipment and request call-ups for it. */
    public static final List<ManagementLevel> TEAM_EDITORS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT);
    /** Levels that read team equipment and compliance (other services through their service account). */
    public static final List<ManagementLevel> TEAM_READERS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT, SERVICE);
    /** Levels that read depots, stock, call-ups and the ledger. */
    public static final List<ManagementLevel> DEPOT_READERS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT, SERVICE);

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
        if (!covers(team.province(), team.mining(), team.supportingUnitId())) {
            throw ProblemException.notFound("team", teamId);
        }
        return team;
    }

    public boolean covers(String province, boolean mining, UUID supportingUnitId) {
        return caller().covers(province, mining, supportingUnitId);
    }

    /**
     * The caller's team scope as a query condition on the team columns every team-owned row keeps
     * ({@code teamProvince}, {@code teamMining}, {@code teamUnitId}); "" when every team is visible.
     */
    public String visibleTeamRows(String alias, Parameters params) {
        Caller caller = caller();
        String p = alias.isEmpty() ? "" : alias + ".";
        return switch (caller.level()) {
            case NATIONAL, SERVICE -> "";
            case PROVINCIAL -> {
                params.and("scopeRegion", caller.region());
                yield p + "teamProvince = :scopeRegion";
            }
            case MINE_SAFETY -> {
                params.and("scopeRegion", caller.region());
                yield p + "teamProvince = :scopeRegion and " + p + "teamMining = true";
            }
            case UNIT -> {
                params.and("scopeUnit", caller.org());
                yield p + "teamUnitId = :scopeUnit";
            }
            case ASSESSOR -> throw ProblemException.forbidden("Assessors do not read team equipment");
        };
    }

    /**
     * Depots the caller sees: national and service all; a province (provincial, mine-safety) national depots
     * and every depot of the province; a unit the public reserves (national, provincial) it may call on and
     * its own depots.
     */
    public boolean seesDepot(ReserveDepot depot) {
        Caller caller = caller();
        return switch (caller.level()) {
            case NATIONAL, SERVICE -> true;
            case PROVINCIAL, MINE_SAFETY -> depot.ownerLevel == DepotOwnerLevel.NATIONAL || caller.region().equals(depot.province);
            case UNIT -> depot.ownerLevel != DepotOwnerLevel.UNIT || caller.org().equals(depot.unitId);
            case ASSESSOR -> false;
        };
    }

    /** The depot, or 404 when it does not exist or the caller does not see it. */
    public ReserveDepot visibleDepot(ReserveDepot depot, Object id) {
        requireLevel(DEPOT_READERS, "read reserve depots");
        if (depot == null || !seesDepot(depot)) {
            throw ProblemException.notFound("depot", id);
        }
        return depot;
    }

    /** {@link #seesDepot} as a query condition on a depot alias; "" when every depot is visible. */
    public String visibleDepots(String alias, Parameters params) {
        requireLevel(DEPOT_READERS, "read reserve depots");
        Caller caller = caller();
        String p = alias.isEmpty() ? "" : alias + ".";
        return switch (caller.level()) {
            case NATIONAL, SERVICE -> "";
            case PROVINCIAL, MINE_SAFETY -> {
                params.and("scopeRegion", caller.region()).and("nationalDepot", DepotOwnerLevel.NATIONAL);
                yield "(" + p + "ownerLevel = :nationalDepot or " + p + "province = :scopeRegion)";
            }
            case UNIT -> {
                params.and("scopeUnit", caller.org()).and("unitDepot", DepotOwnerLevel.UNIT);
                yield "(" + p + "ownerLevel <> :unitDepot or " + p + "unitId = :scopeUnit)";
            }
            case ASSESSOR -> throw ProblemException.forbidden("Assessors do not read reserve depots");
        };
    }

    /** The owner manages a depot: national its national depots, a province its provincial ones, a unit its own. */
    public boolean managesDepot(ReserveDepot depot) {
        Caller caller = caller();
        return switch (depot.ownerLevel) {
            case NATIONAL -> caller.is(NATIONAL);
            case PROVINCIAL -> caller.is(PROVINCIAL) && caller.region().equals(depot.province);
            case UNIT -> caller.is(UNIT) && caller.org().equals(depot.unitId);
        };
    }

    /** {@link #managesDepot} as a query condition on a depot alias; a condition that is never true for non-owners. */
    public String managedDepots(String alias, Parameters params) {
        Caller caller = caller();
        String p = alias.isEmpty() ? "" : alias + ".";
        return switch (caller.level()) {
            case NATIONAL -> {
                params.and("managedLevel", DepotOwnerLevel.NATIONAL);
                yield "(" + p + "ownerLevel = :managedLevel)";
            }
            case PROVINCIAL -> {
                params.and("managedLevel", DepotOwnerLevel.PROVINCIAL).and("managedRegion", caller.region());
                yield "(" + p + "ownerLevel = :managedLevel and " + p + "province = :managedRegion)";
            }
            case UNIT -> {
                params.and("managedLevel", DepotOwnerLevel.UNIT).and("managedUnit", caller.org());
                yield "(" + p + "ownerLevel = :managedLevel and " + p + "unitId = :managedUnit)";
            }
            default -> "(1 = 0)";
        };
    }

    /** 403 unless the caller owns the (visible) depot. */
    public void requireManages(ReserveDepot depot, String action) {
        if (!managesDepot(depot)) {
            throw ProblemException.forbidden("Only the owner of this " + depot.ownerLevel + " depot may " + action);
        }
    }

    public static String and(String... conditions) {
        return Arrays.stream(conditions).filter(c -> c != null && !c.isBlank()).collect(Collectors.joining(" and "));
    }
}
