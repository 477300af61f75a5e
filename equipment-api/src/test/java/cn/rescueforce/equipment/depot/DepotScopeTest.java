package cn.rescueforce.equipment.depot;

import cn.rescueforce.equipment.api.model.DepotOwnerLevel;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which depots each level sees and manages, in memory and as a query condition from the same rule. */
class DepotScopeTest {

    static final UUID UNIT_A = UUID.randomUUID();
    static final ReserveDepot NATIONAL = depot(DepotOwnerLevel.NATIONAL, null, null);
    static final ReserveDepot SICHUAN = depot(DepotOwnerLevel.PROVINCIAL, "510000", null);
    static final ReserveDepot SHANXI = depot(DepotOwnerLevel.PROVINCIAL, "140000", null);
    static final ReserveDepot UNIT_A_DEPOT = depot(DepotOwnerLevel.UNIT, "510000", UNIT_A);
    static final List<ReserveDepot> ALL = List.of(NATIONAL, SICHUAN, SHANXI, UNIT_A_DEPOT);

    static final Caller NATIONAL_CALLER = new Caller("national", ManagementLevel.NATIONAL, null, null);
    static final Caller SERVICE_CALLER = new Caller("assessment-api", ManagementLevel.SERVICE, null, null);
    static final Caller SICHUAN_CALLER = new Caller("provincial-510000", ManagementLevel.PROVINCIAL, "510000", null);
    static final Caller SHANXI_MINE_SAFETY = new Caller("mine-safety-140000", ManagementLevel.MINE_SAFETY, "140000", null);
    static final Caller UNIT_A_CALLER = new Caller("unit-a", ManagementLevel.UNIT, null, UNIT_A);
    static final Caller OTHER_UNIT = new Caller("unit-b", ManagementLevel.UNIT, null, UUID.randomUUID());
    static final Caller ASSESSOR = new Caller("assessor", ManagementLevel.ASSESSOR, null, UUID.randomUUID());

    static ReserveDepot depot(DepotOwnerLevel owner, String province, UUID unit) {
        return ReserveDepot.register("应急物资储备库", owner, province, unit, 30.66, 104.06, null, null, Instant.now());
    }

    @Test
    void eachLevelSeesTheDepotsItServesOrCallsOn() {
        Map<Caller, List<ReserveDepot>> sees = Map.of(
                NATIONAL_CALLER, ALL,
                SERVICE_CALLER, ALL,
                SICHUAN_CALLER, List.of(NATIONAL, SICHUAN, UNIT_A_DEPOT),
                SHANXI_MINE_SAFETY, List.of(NATIONAL, SHANXI),
                UNIT_A_CALLER, ALL,
                OTHER_UNIT, List.of(NATIONAL, SICHUAN, SHANXI),
                ASSESSOR, List.of());
        sees.forEach((caller, depots) -> assertEquals(depots, covered(DepotScope.seenBy(caller)), caller.sub()));
    }

    @Test
    void eachOwnerManagesItsOwnDepotsOnly() {
        Map<Caller, List<ReserveDepot>> manages = Map.of(
                NATIONAL_CALLER, List.of(NATIONAL),
                SERVICE_CALLER, List.of(),
                SICHUAN_CALLER, List.of(SICHUAN),
                SHANXI_MINE_SAFETY, List.of(),
                UNIT_A_CALLER, List.of(UNIT_A_DEPOT),
                OTHER_UNIT, List.of(),
                ASSESSOR, List.of());
        manages.forEach((caller, depots) -> assertEquals(depots, covered(DepotScope.managedBy(caller)), caller.sub()));
    }

    @Test
    void theQueryConditionSaysTheSameRule() {
        assertTrue(DepotScope.seenBy(NATIONAL_CALLER).restrict(new Where(), "d").isEmpty(), "every depot: no condition");
        assertCondition(DepotScope.seenBy(SICHUAN_CALLER), "d",
                "(d.ownerLevel in :p0 or d.province = :p1)", Map.of("p0", EnumSet.of(DepotOwnerLevel.NATIONAL), "p1", "510000"));
        assertCondition(DepotScope.seenBy(UNIT_A_CALLER), "",
                "(ownerLevel in :p0 or ownerLevel = :p1 and unitId = :p2)",
                Map.of("p0", EnumSet.of(DepotOwnerLevel.NATIONAL, DepotOwnerLevel.PROVINCIAL), "p1", DepotOwnerLevel.UNIT, "p2", UNIT_A));
        assertCondition(DepotScope.managedBy(SICHUAN_CALLER), "d",
                "(d.ownerLevel = :p0 and d.province = :p1)", Map.of("p0", DepotOwnerLevel.PROVINCIAL, "p1", "510000"));
        assertCondition(DepotScope.managedBy(NATIONAL_CALLER), "d", "(d.ownerLevel = :p0)", Map.of("p0", DepotOwnerLevel.NATIONAL));
        assertCondition(DepotScope.managedBy(SHANXI_MINE_SAFETY), "d", "1 = 0", Map.of());
        assertCondition(DepotScope.seenBy(ASSESSOR), "d", "1 = 0", Map.of());
    }

    @Test
    void anOwnerIsNamedByLevelProvinceOrUnit() {
        assertThrows(IllegalArgumentException.class, () -> new DepotScope.Owner(null, null, null));
    }

    static List<ReserveDepot> covered(DepotScope scope) {
        return ALL.stream().filter(scope::covers).toList();
    }

    static void assertCondition(DepotScope scope, String alias, String condition, Map<String, Object> parameters) {
        Where where = scope.restrict(new Where(), alias);
        assertEquals(condition, where.query());
        assertEquals(parameters, where.parameterMap().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
