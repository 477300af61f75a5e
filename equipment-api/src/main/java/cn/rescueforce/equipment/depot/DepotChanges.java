package cn.rescueforce.equipment.depot;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.SERVICE;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/** Reserve depots in the change feed, as {@code GET /api/v1/depots/{depotId}} answers them, to whoever sees the depot. */
@ApplicationScoped
public class DepotChanges implements ChangeSource {

    static final List<String> EVENT_TYPES = List.of("depot.registered");

    @Inject
    DepotMapper mapper;

    @Override
    public String entityType() {
        return "ReserveDepot";
    }

    @Override
    public List<String> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("depot", action, EVENT_TYPES);
    }

    @Override
    public Representation represent(UUID id) {
        ReserveDepot depot = ChangeSource.asStored(ReserveDepot.findById(id));
        if (depot == null) {
            return null;
        }
        return Representation.of(mapper.toApi(depot), depot.version, readersOf(depot));
    }

    /**
     * Who sees the depot ({@link DepotScope#seenBy}), as the feed's audience; its stock lines have the same one.
     * <ul>
     *     <li>a national depot: every level that reads depots ({@link DepotAccess#READERS}: not assessor);</li>
     *     <li>a unit depot: the levels of its province (mine-safety sees every depot of its province, hence
     *     {@code mining = true}) and the unit itself;</li>
     *     <li>a provincial depot: the levels of its province, and every unit ({@link DepotScope} shows every provincial
     *     depot to every unit: the public reserves it may call on).</li>
     * </ul>
     */
    public static Audience readersOf(ReserveDepot depot) {
        return switch (depot.ownerLevel) {
            case NATIONAL -> Audience.everyone().onlyLevels(PROVINCIAL, MINE_SAFETY, UNIT, SERVICE);
            case PROVINCIAL -> Audience.province(depot.province).andEvery(UNIT);
            case UNIT -> Audience.team(depot.province, true, depot.unitId);
        };
    }
}
