package cn.rescueforce.equipment.compliance;

import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.configuration.StandardConfiguration;
import cn.rescueforce.equipment.teams.TeamRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A configuration's lines for a specialty add to the category's for the teams that have the specialty. */
class SpecialtyRequirementsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 7, 1);
    static final EquipmentType BREATHING = ComplianceMeasureTest.type("RESP-01", 180);
    static final EquipmentType PUMP = ComplianceMeasureTest.type("PUMP-01", null);
    static final EquipmentType BOAT = ComplianceMeasureTest.type("BOAT-01", null);

    static final StandardConfiguration CONFIGURATION = StandardConfiguration.publish(TeamCategory.MINING, 1, "矿山救护队装备配备标准",
            List.of(new StandardConfiguration.Line(PUMP.id, 1, "MINE_FLOODING"),
                    new StandardConfiguration.Line(BREATHING.id, 10),
                    new StandardConfiguration.Line(BREATHING.id, 4, "MINE_FIRE"),
                    new StandardConfiguration.Line(BOAT.id, 2, "WATER_RESCUE")), "national", Instant.now());
    static final Map<UUID, EquipmentType> TYPES = Map.of(BREATHING.id, BREATHING, PUMP.id, PUMP, BOAT.id, BOAT);

    static Compliance measure(List<String> specialties, Map<UUID, Long> inService) {
        TeamRef team = new TeamRef(UUID.randomUUID(), "国家矿山应急救援芙蓉队", TeamCategory.MINING, "510000", UUID.randomUUID(), specialties);
        return Compliance.measure(team, CONFIGURATION, inService, List.of(), TYPES, TODAY);
    }

    @Test
    void aTeamWithoutSpecialtiesMeetsTheCategorysLinesOnly() {
        Compliance compliance = measure(List.of(), Map.of(BREATHING.id, 10L));
        assertEquals(List.of(BREATHING), compliance.lines().stream().map(Compliance.Requirement::type).toList());
        assertEquals(10, compliance.requiredTotal());
        assertEquals(List.of(), compliance.lines().get(0).bySpecialties());
        assertEquals(100.0, compliance.percent());
    }

    @Test
    void aSpecialtyAddsItsQuantityToTheCategorysAndItsOwnTypesAfterThem() {
        Compliance compliance = measure(List.of("MINE_FIRE", "MINE_FLOODING"), Map.of(BREATHING.id, 10L));
        assertEquals(List.of(BREATHING, PUMP), compliance.lines().stream().map(Compliance.Requirement::type).toList());
        assertEquals(14, compliance.lines().get(0).required());
        assertEquals(List.of("MINE_FIRE"), compliance.lines().get(0).bySpecialties());
        assertEquals(4, compliance.lines().get(0).gap());
        assertEquals(1, compliance.lines().get(1).required());
        assertEquals(List.of("MINE_FLOODING"), compliance.lines().get(1).bySpecialties());
        assertEquals(15, compliance.requiredTotal());
        assertEquals(66.7, compliance.percent());
    }

    @Test
    void nothingRequiredIsFullyCovered() {
        StandardConfiguration onlyWater = StandardConfiguration.publish(TeamCategory.OTHER, 1, "其他队伍装备配备标准",
                List.of(new StandardConfiguration.Line(BOAT.id, 2, "WATER_RESCUE")), "national", Instant.now());
        TeamRef team = new TeamRef(UUID.randomUUID(), "测试队", TeamCategory.OTHER, "510000", UUID.randomUUID());
        Compliance compliance = Compliance.measure(team, onlyWater, Map.of(), List.of(), TYPES, TODAY);
        assertEquals(0, compliance.requiredTotal());
        assertEquals(100.0, compliance.percent());
    }
}
