package cn.rescueforce.equipment.callup;

import cn.rescueforce.equipment.depot.DepotScope;
import cn.rescueforce.equipment.depot.ReserveDepot;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.TeamScope;

/**
 * Who sees a call-up: those whose scope covers its team, and the owner of its depot (who decides it). One
 * rule, as an in-memory check and as a query condition.
 */
public record CallUpScope(TeamScope teams, DepotScope managedDepots) {

    public static CallUpScope of(Caller caller) {
        return new CallUpScope(caller.teamScope(), DepotScope.managedBy(caller));
    }

    public boolean covers(CallUp callUp, ReserveDepot depot) {
        return teams.covers(callUp.teamProvince, callUp.teamMining, callUp.teamUnitId) || managedDepots.covers(depot);
    }

    /** The same rule on the call-up columns under {@code callUpAlias} and the depot columns under {@code depotAlias}. */
    public Where restrict(Where where, String callUpAlias, String depotAlias) {
        return where.anyOf(
                teamRows -> teams.restrict(teamRows, Scope.teamColumns(callUpAlias)),
                depots -> managedDepots.restrict(depots, depotAlias));
    }
}
