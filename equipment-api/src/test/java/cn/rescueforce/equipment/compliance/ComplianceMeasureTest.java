package cn.rescueforce.equipment.compliance;

import cn.rescueforce.equipment.api.model.EquipmentGroup;
import cn.rescueforce.equipment.api.model.EquipmentStatus;
import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.configuration.StandardConfiguration;
import cn.rescueforce.equipment.equipment.EquipmentItem;
import cn.rescueforce.equipment.teams.TeamRef;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compliance definitions of the contract (ComplianceReport): gaps, covered quantities, percent, compliant. */
class ComplianceMeasureTest {

    static final LocalDate TODAY = LocalDate.of(2026, 7, 1);
    static final TeamRef TEAM = new TeamRef(UUID.randomUUID(), "四川省矿山救护总队", TeamCategory.MINING, "510000", UUID.randomUUID());
    static final EquipmentType BREATHING = type("RESP-01", 180);
    static final EquipmentType PUMP = type("PUMP-01", null);
    static final EquipmentType DETECTOR = type("GAS-01", 30);

    static EquipmentType type(String code, Integer inspectionIntervalDays) {
        return EquipmentType.create(code, "装备" + code, EquipmentGroup.RESCUE_TOOLS, "台", inspectionIntervalDays, null, null, Instant.now());
    }

    static StandardConfiguration configuration(int breathing, int pump, int detector) {
        return StandardConfiguration.publish(TeamCategory.MINING, 1, "矿山救护队装备配备标准", List.of(
                new StandardConfiguration.Line(BREATHING.id, breathing),
                new StandardConfiguration.Line(PUMP.id, pump),
                new StandardConfiguration.Line(DETECTOR.id, detector)), "national", Instant.now());
    }

    static Compliance measure(StandardConfiguration configuration, Map<UUID, Long> inService, List<EquipmentItem> overdue) {
        return Compliance.measure(TEAM, configuration, inService, overdue,
                Map.of(BREATHING.id, BREATHING, PUMP.id, PUMP, DETECTOR.id, DETECTOR), TODAY);
    }

    @Test
    void gapsAndCoveredQuantitiesPerLineAndInTotal() {
        Compliance compliance = measure(configuration(10, 2, 4), Map.of(BREATHING.id, 12L, DETECTOR.id, 3L), List.of());
        assertEquals(List.of(10, 2, 4), compliance.lines().stream().map(Compliance.Requirement::required).toList());
        assertEquals(List.of(12, 0, 3), compliance.lines().stream().map(Compliance.Requirement::inService).toList());
        assertEquals(List.of(0, 2, 1), compliance.lines().stream().map(Compliance.Requirement::gap).toList());
        assertEquals(16, compliance.requiredTotal());
        assertEquals(13, compliance.coveredTotal(), "the two extra breathing sets make up for nothing else");
        assertEquals(3, compliance.gapTotal());
        assertEquals(81.3, compliance.percent(), "100 × 13 ÷ 16 = 81.25, half up to one decimal");
        assertFalse(compliance.compliant());
    }

    @Test
    void percentIsRoundedHalfUpToOneDecimal() {
        assertEquals(66.7, measure(configuration(1, 1, 1), Map.of(BREATHING.id, 1L, PUMP.id, 1L), List.of()).percent());
        assertEquals(33.3, measure(configuration(1, 1, 1), Map.of(BREATHING.id, 1L), List.of()).percent());
        assertEquals(0.0, measure(configuration(1, 1, 1), Map.of(), List.of()).percent());
    }

    @Test
    void compliantMeansNoGapAndNoOverdueInspection() {
        Map<UUID, Long> everything = Map.of(BREATHING.id, 1L, PUMP.id, 1L, DETECTOR.id, 1L);
        Compliance full = measure(configuration(1, 1, 1), everything, List.of());
        assertEquals(100.0, full.percent());
        assertTrue(full.compliant());

        EquipmentItem late = EquipmentItem.register(TEAM, DETECTOR, "GAS-0001", EquipmentStatus.IN_SERVICE, TODAY.minusDays(45),
                null, null, null, TODAY, Instant.now());
        Compliance overdue = measure(configuration(1, 1, 1), everything, List.of(late));
        assertEquals(100.0, overdue.percent());
        assertFalse(overdue.compliant(), "an overdue inspection spoils full coverage");
        assertEquals(DETECTOR, overdue.overdue().get(0).type());
        assertEquals(15, overdue.overdue().get(0).item().daysOverdue(TODAY));
    }
}
