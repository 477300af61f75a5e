package cn.rescueforce.equipment.callup;

import cn.rescueforce.equipment.api.model.DepotOwnerLevel;
import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.equipment.depot.ReserveDepot;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A call-up is seen by those whose scope covers its team and by its depot's owner. */
class CallUpScopeTest {

    static final TeamRef SICHUAN_MINING = new TeamRef(UUID.randomUUID(), "四川省矿山救护总队", TeamCategory.MINING, "510000", UUID.randomUUID());
    static final ReserveDepot NATIONAL_DEPOT = ReserveDepot.register("国家应急物资储备库", DepotOwnerLevel.NATIONAL, null, null,
            39.9, 116.4, null, null, Instant.now());
    static final CallUp CALL_UP = CallUp.request(NATIONAL_DEPOT.id, Set.of(UUID.randomUUID()), SICHUAN_MINING, null, "透水事故抢险",
            List.of(), new Caller("provincial-510000", ManagementLevel.PROVINCIAL, "510000", null), Instant.now());

    @Test
    void theTeamsScopeAndTheDepotsOwnerSeeTheCallUp() {
        for (Caller caller : List.of(
                new Caller("national", ManagementLevel.NATIONAL, null, null),
                new Caller("service", ManagementLevel.SERVICE, null, null),
                new Caller("provincial-510000", ManagementLevel.PROVINCIAL, "510000", null),
                new Caller("mine-safety-510000", ManagementLevel.MINE_SAFETY, "510000", null),
                new Caller("unit", ManagementLevel.UNIT, null, SICHUAN_MINING.supportingUnitId()))) {
            assertTrue(CallUpScope.of(caller).covers(CALL_UP, NATIONAL_DEPOT), caller.sub());
        }
        for (Caller caller : List.of(
                new Caller("provincial-140000", ManagementLevel.PROVINCIAL, "140000", null),
                new Caller("mine-safety-140000", ManagementLevel.MINE_SAFETY, "140000", null),
                new Caller("another unit", ManagementLevel.UNIT, null, UUID.randomUUID()),
                new Caller("assessor", ManagementLevel.ASSESSOR, null, UUID.randomUUID()))) {
            assertFalse(CallUpScope.of(caller).covers(CALL_UP, NATIONAL_DEPOT), caller.sub());
        }
    }

    @Test
    void asAQueryTheTwoWaysOfSeeingAreAlternatives() {
        Where provincial = CallUpScope.of(new Caller("provincial-140000", ManagementLevel.PROVINCIAL, "140000", null))
                .restrict(new Where(), "c", "d").equal("c.status", "REQUESTED");
        assertEquals("((c.teamProvince = :p0) or ((d.ownerLevel = :p1 and d.province = :p2))) and c.status = :p3", provincial.query());
        assertEquals(Map.of("p0", "140000", "p1", DepotOwnerLevel.PROVINCIAL, "p2", "140000", "p3", "REQUESTED"), provincial.parameterMap());

        Where mineSafety = CallUpScope.of(new Caller("mine-safety-140000", ManagementLevel.MINE_SAFETY, "140000", null))
                .restrict(new Where(), "c", "d");
        assertEquals("((c.teamProvince = :p0 and c.teamMining = true) or (1 = 0))", mineSafety.query());
        assertEquals(Map.of("p0", "140000"), mineSafety.parameterMap());

        assertTrue(CallUpScope.of(new Caller("national", ManagementLevel.NATIONAL, null, null)).restrict(new Where(), "c", "d").isEmpty(),
                "national sees every team, so every call-up: no condition");
    }
}
