package cn.rescueforce.kit.security;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one scope rule, level by level, in memory ({@code covers}) and as a query condition ({@code restrict}). */
class TeamScopeTest {

    /** A contract's TeamCategory, as the generated enums name it. */
    enum TeamCategory { MINING, HAZARDOUS_CHEMICALS, OIL_GAS, TUNNEL }

    private static final UUID FURONG = UUID.fromString("0b0c4f3e-7d3a-4d8e-9a41-5f1e2c3d4e5f");
    private static final UUID OTHER_UNIT = UUID.fromString("7f1e2d3c-4b5a-4968-8776-655443322110");
    private static final TeamColumns WITH_CATEGORY = TeamColumns.withCategory("t.province", "t.category", TeamCategory.MINING, "t.supportingUnitId");
    private static final TeamColumns WITH_FLAG = TeamColumns.withMiningFlag("teamProvince", "teamMining", "teamSupportingUnitId");

    @Test
    void nationalAndOtherServicesSeeEveryTeamAndTheQueryStaysUnrestricted() {
        for (Caller caller : List.of(caller(ManagementLevel.NATIONAL, null, null), caller(ManagementLevel.SERVICE, null, null))) {
            assertTrue(caller.covers("510000", true, FURONG));
            assertTrue(caller.covers("140000", false, OTHER_UNIT));
            assertTrue(caller.covers(null, false, null));
            Where where = caller.teamScope().restrict(new Where(), WITH_CATEGORY);
            assertTrue(where.isEmpty());
        }
    }

    @Test
    void aProvincialDepartmentSeesEveryTeamOfItsProvinceOnly() {
        Caller sichuan = caller(ManagementLevel.PROVINCIAL, "510000", null);

        assertTrue(sichuan.covers("510000", true, FURONG));
        assertTrue(sichuan.covers("510000", false, OTHER_UNIT));
        assertFalse(sichuan.covers("140000", true, FURONG));
        assertFalse(sichuan.covers(null, false, FURONG));

        Where where = sichuan.teamScope().restrict(new Where().equal("t.status", "ACTIVE"), WITH_CATEGORY);
        assertEquals("t.status = :p0 and t.province = :p1", where.query());
        assertEquals(Map.of("p0", "ACTIVE", "p1", "510000"), where.parameterMap());
    }

    @Test
    void aMineSafetyBureauSeesTheMiningTeamsOfItsProvinceOnly() {
        Caller bureau = caller(ManagementLevel.MINE_SAFETY, "510000", null);

        assertTrue(bureau.covers("510000", true, FURONG));
        assertFalse(bureau.covers("510000", false, FURONG));
        assertFalse(bureau.covers("140000", true, FURONG));

        Where byCategory = bureau.teamScope().restrict(new Where(), WITH_CATEGORY);
        assertEquals("t.province = :p0 and t.category = :p1", byCategory.query());
        assertEquals(Map.of("p0", "510000", "p1", TeamCategory.MINING), byCategory.parameterMap());

        Where byFlag = bureau.teamScope().restrict(new Where(), WITH_FLAG);
        assertEquals("teamProvince = :p0 and teamMining = true", byFlag.query());
        assertEquals(Map.of("p0", "510000"), byFlag.parameterMap());
    }

    @Test
    void aUnitSeesTheTeamsItHostsOnly() {
        Caller unit = caller(ManagementLevel.UNIT, null, FURONG);

        assertTrue(unit.covers("510000", true, FURONG));
        assertTrue(unit.covers("140000", false, FURONG));
        assertFalse(unit.covers("510000", true, OTHER_UNIT));
        assertFalse(unit.covers("510000", true, null));

        Where where = unit.teamScope().restrict(new Where(), WITH_FLAG);
        assertEquals("teamSupportingUnitId = :p0", where.query());
        assertEquals(Map.of("p0", FURONG), where.parameterMap());
    }

    @Test
    void anAssessorSeesNoTeamAndTheQueryFindsNothing() {
        Caller assessor = caller(ManagementLevel.ASSESSOR, null, OTHER_UNIT);

        assertTrue(assessor.teamScope().coversNothing());
        assertFalse(assessor.covers("510000", true, OTHER_UNIT));
        assertEquals("1 = 0", assessor.teamScope().restrict(new Where(), WITH_CATEGORY).query());
        assertFalse(caller(ManagementLevel.UNIT, null, FURONG).teamScope().coversNothing());
    }

    @Test
    void theMiningCategoryIsRecognisedByNameFromAnyContractsEnumOrText() {
        assertTrue(TeamScope.isMining(TeamCategory.MINING));
        assertTrue(TeamScope.isMining("MINING"));
        assertFalse(TeamScope.isMining(TeamCategory.TUNNEL));
        assertFalse(TeamScope.isMining("mining"));
        assertFalse(TeamScope.isMining(null));
        assertThrows(IllegalArgumentException.class,
                () -> TeamColumns.withCategory("t.province", "t.category", TeamCategory.OIL_GAS, "t.supportingUnitId"));
    }

    @Test
    void anActionALevelMayNeverTakeIsForbidden() {
        Caller unit = caller(ManagementLevel.UNIT, null, FURONG);

        unit.requireLevel(List.of(ManagementLevel.NATIONAL, ManagementLevel.UNIT), Text.of("add members"));
        ProblemException problem = assertThrows(ProblemException.class,
                () -> unit.requireLevel(List.of(ManagementLevel.NATIONAL, ManagementLevel.PROVINCIAL), Text.of("designate teams")));
        assertEquals(403, problem.status());
        assertEquals("https://rescue-force.cn/problems/forbidden", problem.type());
        assertEquals("Level UNIT may not designate teams (allowed: NATIONAL, PROVINCIAL)", problem.getMessage());
        assertTrue(unit.is(ManagementLevel.UNIT));
        assertTrue(unit.isAnyOf(ManagementLevel.NATIONAL, ManagementLevel.UNIT));
        assertFalse(unit.isAnyOf(ManagementLevel.NATIONAL, ManagementLevel.PROVINCIAL));
    }

    private static Caller caller(ManagementLevel level, String region, UUID org) {
        return new Caller("sub-" + level.role(), level, region, org);
    }
}
