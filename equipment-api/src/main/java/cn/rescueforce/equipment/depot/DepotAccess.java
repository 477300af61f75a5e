package cn.rescueforce.equipment.depot;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.ManagementLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.SERVICE;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/**
 * The caller's access to depots ({@link DepotScope}): a depot out of sight is reported as missing (404), an
 * action on a visible depot the caller does not own as forbidden (403), and so is reading depots at all for a
 * level that never does.
 */
@ApplicationScoped
public class DepotAccess {

    /** Levels that read depots, stock, call-ups and the ledger. */
    public static final List<ManagementLevel> READERS = List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT, SERVICE);

    @Inject
    Scope scope;

    @Inject
    DepotRepository depots;

    /** The depot, or 404 when it does not exist or the caller does not see it. */
    public ReserveDepot visible(UUID id) {
        ReserveDepot depot = depots.findById(id);
        scope.requireLevel(READERS, Text.of("read reserve depots"));
        if (depot == null || !DepotScope.seenBy(scope.caller()).covers(depot)) {
            throw ProblemException.notFound(Text.of("depot"), id);
        }
        return depot;
    }

    /** Restricts {@code where} to the depots the caller sees, on the depot columns under {@code alias}. */
    public Where restrictToVisible(Where where, String alias) {
        scope.requireLevel(READERS, Text.of("read reserve depots"));
        return DepotScope.seenBy(scope.caller()).restrict(where, alias);
    }

    public boolean manages(ReserveDepot depot) {
        return DepotScope.managedBy(scope.caller()).covers(depot);
    }

    /** 403 unless the caller owns the (visible) depot. */
    public void requireManages(ReserveDepot depot, Text action) {
        if (!manages(depot)) {
            throw ProblemException.forbidden(Text.of("Only the owner of this {0} depot may {1}", depot.ownerLevel, action));
        }
    }
}
