package cn.rescueforce.equipment.depot;

import cn.rescueforce.equipment.api.model.DepotOwnerLevel;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import static cn.rescueforce.equipment.api.model.DepotOwnerLevel.NATIONAL;
import static cn.rescueforce.equipment.api.model.DepotOwnerLevel.PROVINCIAL;
import static cn.rescueforce.equipment.api.model.DepotOwnerLevel.UNIT;

/**
 * A set of depots a caller reaches, held as data so that the in-memory check ({@link #covers}) and the query
 * condition ({@link #restrict}) cannot disagree (the kit's TeamScope does the same for teams): every depot of
 * some owner levels, or the depots of one owner.
 *
 * @param everyDepotOf the owner levels all of whose depots are in the set
 * @param owner        the one owner whose depots are also in the set; {@code null} for none
 */
public record DepotScope(Set<DepotOwnerLevel> everyDepotOf, Owner owner) {

    private static final DepotScope EVERY_DEPOT = new DepotScope(EnumSet.allOf(DepotOwnerLevel.class), null);
    private static final DepotScope NO_DEPOT = new DepotScope(EnumSet.noneOf(DepotOwnerLevel.class), null);

    /**
     * The depots of one owner: of its level, in its province, of its unit, each only when given.
     */
    public record Owner(DepotOwnerLevel level, String province, UUID unit) {

        public Owner {
            if (level == null && province == null && unit == null) {
                throw new IllegalArgumentException("an owner has a level, a province or a unit");
            }
        }

        boolean owns(ReserveDepot depot) {
            return (level == null || level == depot.ownerLevel)
                    && (province == null || province.equals(depot.province))
                    && (unit == null || unit.equals(depot.unitId));
        }
    }

    /**
     * Depots the caller sees: national and service every one; a province (provincial, mine-safety) the national
     * depots and every depot of the province; a unit the public reserves (national, provincial) it may call on
     * and its own depots; an assessor none.
     */
    public static DepotScope seenBy(Caller caller) {
        return switch (caller.level()) {
            case NATIONAL, SERVICE -> EVERY_DEPOT;
            case PROVINCIAL, MINE_SAFETY -> new DepotScope(EnumSet.of(NATIONAL), new Owner(null, caller.region(), null));
            case UNIT -> new DepotScope(EnumSet.of(NATIONAL, PROVINCIAL), new Owner(UNIT, null, caller.org()));
            case ASSESSOR -> NO_DEPOT;
        };
    }

    /**
     * Depots the caller manages (decides call-ups, receives and adjusts stock): national its national depots, a
     * provincial department the provincial depots of its province, a unit its own; every other level none.
     */
    public static DepotScope managedBy(Caller caller) {
        return switch (caller.level()) {
            case NATIONAL -> ownedBy(new Owner(NATIONAL, null, null));
            case PROVINCIAL -> ownedBy(new Owner(PROVINCIAL, caller.region(), null));
            case UNIT -> ownedBy(new Owner(UNIT, null, caller.org()));
            case MINE_SAFETY, SERVICE, ASSESSOR -> NO_DEPOT;
        };
    }

    private static DepotScope ownedBy(Owner owner) {
        return new DepotScope(EnumSet.noneOf(DepotOwnerLevel.class), owner);
    }

    /** The in-memory check: is this depot in the set? */
    public boolean covers(ReserveDepot depot) {
        return everyDepotOf.contains(depot.ownerLevel) || (owner != null && owner.owns(depot));
    }

    /**
     * The same rule as a condition on the depot columns under {@code alias} ("" for none), added to
     * {@code where}; nothing when every depot is in the set, a condition that never holds when none is.
     */
    public Where restrict(Where where, String alias) {
        if (everyDepotOf.containsAll(EVERY_DEPOT.everyDepotOf)) {
            return where;
        }
        String p = alias.isEmpty() ? "" : alias + ".";
        Map<String, Object> values = new HashMap<>();
        List<String> alternatives = new ArrayList<>();
        if (!everyDepotOf.isEmpty()) {
            alternatives.add(p + "ownerLevel in :" + bind(where, values, everyDepotOf));
        }
        if (owner != null) {
            List<String> own = new ArrayList<>();
            if (owner.level() != null) {
                own.add(p + "ownerLevel = :" + bind(where, values, owner.level()));
            }
            if (owner.province() != null) {
                own.add(p + "province = :" + bind(where, values, owner.province()));
            }
            if (owner.unit() != null) {
                own.add(p + "unitId = :" + bind(where, values, owner.unit()));
            }
            alternatives.add(String.join(" and ", own));
        }
        if (alternatives.isEmpty()) {
            return where.condition(true, "1 = 0");
        }
        return where.condition("(" + String.join(" or ", alternatives) + ")", values);
    }

    private static String bind(Where where, Map<String, Object> values, Object value) {
        String name = where.name();
        values.put(name, Objects.requireNonNull(value));
        return name;
    }
}
