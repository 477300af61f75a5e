package cn.rescueforce.equipment.equipment;

import cn.rescueforce.equipment.api.model.EquipmentGroup;
import cn.rescueforce.equipment.api.model.EquipmentStatus;
import cn.rescueforce.equipment.api.model.InspectionKind;
import cn.rescueforce.equipment.api.model.InspectionResult;
import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An equipment item's dates and status: registration, inspection due dates, what inspections and maintenance change. */
class EquipmentItemTest {

    static final LocalDate TODAY = LocalDate.of(2026, 7, 1);
    static final Instant AT = Instant.parse("2026-07-01T08:00:00Z");
    static final TeamRef TEAM = new TeamRef(UUID.randomUUID(), "山西省矿山救护队", TeamCategory.MINING, "140000", UUID.randomUUID());
    static final EquipmentType BREATHING = EquipmentType.create("RESP-01", "正压氧气呼吸器", EquipmentGroup.RESCUE_TOOLS, "台", 180, 96, null, AT);
    static final EquipmentType ROPE = EquipmentType.create("ROPE-01", "救援绳", EquipmentGroup.RESCUE_TOOLS, "根", null, null, null, AT);

    static EquipmentItem item(EquipmentType type, LocalDate acquiredOn, LocalDate lastInspectedOn) {
        return EquipmentItem.register(TEAM, type, " SN-0001 ", null, acquiredOn, null, lastInspectedOn, null, TODAY, AT);
    }

    @Test
    void aRegisteredItemIsInServiceWithItsTeamsScopeFacts() {
        EquipmentItem item = item(BREATHING, TODAY.minusYears(1), null);
        assertEquals(EquipmentStatus.IN_SERVICE, item.status);
        assertEquals("SN-0001", item.serialNumber);
        assertEquals("140000", item.teamProvince);
        assertTrue(item.teamMining);
        assertEquals(TEAM.supportingUnitId(), item.teamUnitId);
        assertEquals(BREATHING.id, item.equipmentTypeId);
    }

    @Test
    void theNextInspectionIsOneIntervalAfterTheLastOrAfterAcquisition() {
        assertEquals(LocalDate.of(2026, 6, 28), item(BREATHING, LocalDate.of(2025, 12, 30), null).nextInspectionDue);
        assertEquals(LocalDate.of(2026, 12, 28), item(BREATHING, LocalDate.of(2025, 12, 30), LocalDate.of(2026, 7, 1)).nextInspectionDue);
        assertNull(item(ROPE, TODAY.minusYears(1), null).nextInspectionDue, "a type without an interval is never due");
    }

    @Test
    void theServiceLifeOfTheTypeIsTheDefaultExpiry() {
        assertEquals(LocalDate.of(2033, 1, 15), item(BREATHING, LocalDate.of(2025, 1, 15), null).expiresOn);
        assertNull(item(ROPE, LocalDate.of(2025, 1, 15), null).expiresOn);
        EquipmentItem given = EquipmentItem.register(TEAM, BREATHING, "SN-2", EquipmentStatus.IN_SERVICE, LocalDate.of(2025, 1, 15),
                LocalDate.of(2027, 1, 15), null, null, TODAY, AT);
        assertEquals(LocalDate.of(2027, 1, 15), given.expiresOn);
    }

    @Test
    void registrationDatesMustMakeSense() {
        invalid("acquiredOn", () -> item(BREATHING, TODAY.plusDays(1), null));
        invalid("expiresOn", () -> EquipmentItem.register(TEAM, BREATHING, "SN-3", null, TODAY.minusDays(10), TODAY.minusDays(11),
                null, null, TODAY, AT));
        invalid("lastInspectedOn", () -> item(BREATHING, TODAY.minusDays(10), TODAY.minusDays(11)));
        invalid("lastInspectedOn", () -> item(BREATHING, TODAY.minusDays(10), TODAY.plusDays(1)));
    }

    @Test
    void anInspectionIsOverdueTheDayAfterItIsDueUnlessTheItemIsRetired() {
        EquipmentItem item = item(BREATHING, LocalDate.of(2025, 12, 30), null);
        assertFalse(item.inspectionOverdue(LocalDate.of(2026, 6, 28)));
        assertTrue(item.inspectionOverdue(LocalDate.of(2026, 6, 29)));
        assertEquals(3, item.daysOverdue(TODAY));
        item.revise(EquipmentStatus.RETIRED, item.expiresOn, null, AT);
        assertFalse(item.inspectionOverdue(TODAY));
    }

    @Test
    void aPassedInspectionMovesTheDatesOnAndBringsTheItemBackIntoService() {
        EquipmentItem item = item(BREATHING, LocalDate.of(2025, 12, 30), null);
        assertEquals(List.of("status"), item.inspected(InspectionKind.INSPECTION, InspectionResult.FAILED, TODAY.minusDays(2), BREATHING, TODAY, AT));
        assertEquals(EquipmentStatus.UNDER_MAINTENANCE, item.status);
        assertEquals(List.of(), item.inspected(InspectionKind.MAINTENANCE, InspectionResult.FAILED, TODAY.minusDays(1), BREATHING, TODAY, AT));
        assertEquals(List.of("lastInspectedOn", "nextInspectionDue", "status"),
                item.inspected(InspectionKind.INSPECTION, InspectionResult.PASSED, TODAY, BREATHING, TODAY, AT));
        assertEquals(EquipmentStatus.IN_SERVICE, item.status);
        assertEquals(TODAY, item.lastInspectedOn);
        assertEquals(TODAY.plusDays(180), item.nextInspectionDue);
        assertFalse(item.inspectionOverdue(TODAY));
    }

    @Test
    void anOlderOrMaintenanceRecordDoesNotMoveTheInspectionDates() {
        EquipmentItem item = item(BREATHING, LocalDate.of(2025, 12, 30), LocalDate.of(2026, 6, 1));
        assertEquals(List.of(), item.inspected(InspectionKind.INSPECTION, InspectionResult.PASSED, LocalDate.of(2026, 5, 1), BREATHING, TODAY, AT));
        assertEquals(List.of(), item.inspected(InspectionKind.MAINTENANCE, InspectionResult.PASSED, TODAY, BREATHING, TODAY, AT));
        assertEquals(LocalDate.of(2026, 6, 1), item.lastInspectedOn);
    }

    @Test
    void anInspectionHappensBetweenAcquisitionAndToday() {
        EquipmentItem item = item(BREATHING, LocalDate.of(2025, 12, 30), null);
        invalid("performedOn", () -> item.inspected(InspectionKind.INSPECTION, InspectionResult.PASSED, TODAY.plusDays(1), BREATHING, TODAY, AT));
        invalid("performedOn", () -> item.inspected(InspectionKind.INSPECTION, InspectionResult.PASSED, LocalDate.of(2025, 12, 29), BREATHING, TODAY, AT));
        assertNull(item.lastInspectedOn);
    }

    @Test
    void aRevisionNamesWhatChangedAndARetiredItemNoLongerChanges() {
        EquipmentItem item = item(BREATHING, LocalDate.of(2025, 1, 15), null);
        assertEquals(List.of(), item.revise(EquipmentStatus.IN_SERVICE, item.expiresOn, null, AT));
        assertEquals(List.of("status", "note"), item.revise(EquipmentStatus.UNDER_MAINTENANCE, item.expiresOn, "送修", AT));
        invalid("expiresOn", () -> item.revise(EquipmentStatus.IN_SERVICE, LocalDate.of(2025, 1, 14), null, AT));
        item.requireChangeable();
        item.revise(EquipmentStatus.RETIRED, item.expiresOn, "报废", AT);
        ProblemException retired = assertThrows(ProblemException.class, item::requireChangeable);
        assertEquals(409, retired.status());
    }

    static void invalid(String field, org.junit.jupiter.api.function.Executable action) {
        ProblemException problem = assertThrows(ProblemException.class, action);
        assertEquals(400, problem.status());
        assertEquals(field, problem.errors().get(0).field());
    }
}
