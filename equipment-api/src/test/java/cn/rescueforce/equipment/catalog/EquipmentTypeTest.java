package cn.rescueforce.equipment.catalog;

import cn.rescueforce.equipment.api.model.EquipmentGroup;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A catalog type's revisions: the fields that changed are named, and nothing changes when nothing differs. */
class EquipmentTypeTest {

    static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant LATER = Instant.parse("2026-07-01T00:00:00Z");

    @Test
    void aRevisionNamesTheChangedFields() {
        EquipmentType type = EquipmentType.create("RESP-01", "正压氧气呼吸器", EquipmentGroup.RESCUE_TOOLS, "台", 180, 96, null, CREATED);
        assertEquals(CREATED, type.updatedAt);
        assertEquals(List.of(), type.revise(" 正压氧气呼吸器 ", EquipmentGroup.RESCUE_TOOLS, "台", 180, 96, null, LATER));
        assertEquals(CREATED, type.updatedAt, "an unchanged type keeps its time");
        assertEquals(List.of("inspectionIntervalDays", "description"),
                type.revise("正压氧气呼吸器", EquipmentGroup.RESCUE_TOOLS, "台", 90, 96, "每季度检测", LATER));
        assertEquals(90, type.inspectionIntervalDays);
        assertEquals(LATER, type.updatedAt);
    }
}
