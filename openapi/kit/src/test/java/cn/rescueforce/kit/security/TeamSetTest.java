package cn.rescueforce.kit.security;

import cn.rescueforce.kit.query.Where;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several teams as the scope rule reads them: a caller covers the set exactly when it covers one of its teams
 * ({@link TeamScope#covers}), in memory ({@code coversAny}) and as a query condition ({@code restrictAny}).
 */
class TeamSetTest {

    private static final UUID FURONG = UUID.fromString("0b0c4f3e-7d3a-4d8e-9a41-5f1e2c3d4e5f");
    private static final UUID JIAOZUO = UUID.fromString("7f1e2d3c-4b5a-4968-8776-655443322110");
    private static final UUID DATONG = UUID.fromString("3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d");
    private static final UUID ELSEWHERE = UUID.fromString("11111111-2222-4333-8444-555555555555");
    private static final List<String> PROVINCES = List.of("510000", "500000", "140000", "520000");
    private static final TeamSet.Columns COLUMNS = new TeamSet.Columns("provinces", "miningProvinces", "units");

    record Team(String province, boolean mining, UUID unit) {
    }

    @Test
    void coveringTheSetIsCoveringOneOfItsTeamsForEveryCallerAndEveryMixOfTeams() {
        List<Team> universe = new ArrayList<>();
        for (String province : List.of("510000", "500000", "140000")) {
            for (boolean mining : new boolean[]{true, false}) {
                for (UUID unit : new UUID[]{FURONG, JIAOZUO, DATONG, null}) {
                    universe.add(new Team(province, mining, unit));
                }
            }
        }
        universe.add(new Team(null, false, FURONG)); // a unit's object of no province
        Random random = new Random(12);
        for (int round = 0; round < 2000; round++) {
            List<Team> teams = new ArrayList<>();
            int size = random.nextInt(6);
            for (int i = 0; i < size; i++) {
                teams.add(universe.get(random.nextInt(universe.size())));
            }
            TeamSet set = TeamSet.NONE;
            for (Team team : teams) {
                set = set.and(team.province(), team.mining(), team.unit());
            }
            for (Caller caller : callers()) {
                TeamScope scope = caller.teamScope();
                // a scope of every team covers every set, an empty one too, as its condition restricts nothing
                boolean one = scope.all() || teams.stream().anyMatch(t -> scope.covers(t.province(), t.mining(), t.unit()));
                assertEquals(one, scope.coversAny(set), caller + " and " + teams);
            }
        }
    }

    @Test
    void anIncidentsTeamsOfThreeProvincesAndTwoUnitsMiningAndOtherMixed() {
        TeamSet teams = TeamSet.of("510000", false, null)          // the incident itself, a flood in Sichuan
                .and("510000", true, FURONG)                         // an engaged mining team of Sichuan
                .and("500000", false, JIAOZUO)                       // a chemicals team of Chongqing
                .and("140000", false, JIAOZUO);                      // and one of Shanxi, of the same unit

        assertEquals(Set.of("140000", "500000", "510000"), teams.provinces());
        assertEquals(Set.of("510000"), teams.miningProvinces());
        assertEquals(Set.of(FURONG, JIAOZUO), teams.units());
        assertTrue(caller(ManagementLevel.PROVINCIAL, "140000", null).teamScope().coversAny(teams));
        assertTrue(caller(ManagementLevel.MINE_SAFETY, "510000", null).teamScope().coversAny(teams));
        assertFalse(caller(ManagementLevel.MINE_SAFETY, "500000", null).teamScope().coversAny(teams));
        assertTrue(caller(ManagementLevel.UNIT, null, JIAOZUO).teamScope().coversAny(teams));
        assertFalse(caller(ManagementLevel.UNIT, null, DATONG).teamScope().coversAny(teams));
        assertFalse(caller(ManagementLevel.PROVINCIAL, "520000", null).teamScope().coversAny(teams));
        assertFalse(caller(ManagementLevel.ASSESSOR, null, FURONG).teamScope().coversAny(teams));

        assertEquals(",140000,500000,510000,", TeamSet.column(teams.provinces()));
        assertEquals(",510000,", TeamSet.column(teams.miningProvinces()));
        assertNull(TeamSet.column(TeamSet.NONE.units()));
        assertTrue(TeamSet.NONE.isEmpty());
        assertTrue(TeamSet.of(null, true, null).isEmpty());
        assertEquals(TeamSet.of("510000", true, FURONG).and("500000", false, FURONG),
                TeamSet.of("500000", false, FURONG).and(TeamSet.of("510000", true, FURONG)), "a set, in no order");
        assertThrows(IllegalArgumentException.class, () -> new TeamSet(Set.of("510000"), Set.of("500000"), Set.of()));
    }

    @Test
    void theConditionLooksForTheOneFactEachLevelLooksAt() {
        assertEquals("provinces like :p0", restrict(caller(ManagementLevel.PROVINCIAL, "510000", null)).query());
        assertEquals(Map.of("p0", "%,510000,%"), restrict(caller(ManagementLevel.PROVINCIAL, "510000", null)).parameterMap());
        assertEquals("miningProvinces like :p0", restrict(caller(ManagementLevel.MINE_SAFETY, "510000", null)).query());
        assertEquals("units like :p0", restrict(caller(ManagementLevel.UNIT, null, FURONG)).query());
        assertEquals(Map.of("p0", "%," + FURONG + ",%"), restrict(caller(ManagementLevel.UNIT, null, FURONG)).parameterMap());
        assertEquals("1 = 0", restrict(caller(ManagementLevel.ASSESSOR, null, FURONG)).query());
        assertTrue(restrict(caller(ManagementLevel.NATIONAL, null, null)).isEmpty());
        assertTrue(restrict(caller(ManagementLevel.SERVICE, null, null)).isEmpty());
    }

    private static Where restrict(Caller caller) {
        return caller.teamScope().restrictAny(new Where(), COLUMNS);
    }

    static List<Caller> callers() {
        List<Caller> callers = new ArrayList<>();
        for (String province : PROVINCES) {
            callers.add(caller(ManagementLevel.PROVINCIAL, province, null));
            callers.add(caller(ManagementLevel.MINE_SAFETY, province, null));
        }
        for (UUID unit : List.of(FURONG, JIAOZUO, DATONG, ELSEWHERE)) {
            callers.add(caller(ManagementLevel.UNIT, null, unit));
        }
        callers.add(caller(ManagementLevel.NATIONAL, null, null));
        callers.add(caller(ManagementLevel.SERVICE, null, null));
        callers.add(caller(ManagementLevel.ASSESSOR, null, FURONG));
        return callers;
    }

    private static Caller caller(ManagementLevel level, String region, UUID org) {
        return new Caller("sub-" + level.role(), level, region, org);
    }
}
