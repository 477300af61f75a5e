package cn.rescueforce.kit.bulk;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ImportRowTest {

    @Test
    void typedCellsAreReadAndEveryUnreadableOneIsReportedTogether() {
        UUID id = UUID.randomUUID();
        ImportRow row = new ImportRow(7, Map.of("lat", "28.2147", "lon", "east", "team", id.toString(), "other", "T-1",
                "specialties", "MINE_FIRE; FLOODING、GAS,", "hours", "40.0"));
        assertEquals(28.2147, row.decimal("lat", true));
        assertNull(row.decimal("lon", true));
        assertEquals(id, row.uuid("team", false));
        assertNull(row.uuid("other", false));
        assertNull(row.uuid("missing", false));
        assertEquals(List.of("MINE_FIRE", "FLOODING", "GAS"), row.list("specialties"));
        assertEquals(List.of(), row.list("missing"));
        assertEquals(40, row.integer("hours", true));
        row.error("code", Text.of("taken"));
        ProblemException problem = assertThrows(ProblemException.class, row::check);
        assertEquals(400, problem.status());
        assertEquals(List.of("lon", "other", "code"), problem.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    void anInfiniteOrMissingNumberIsAnError() {
        ImportRow row = new ImportRow(2, Map.of("lat", "Infinity"));
        assertNull(row.decimal("lat", true));
        assertNull(row.decimal("lon", true));
        ProblemException problem = assertThrows(ProblemException.class, row::check);
        assertEquals(List.of("lat", "lon"), problem.errors().stream().map(e -> e.field()).toList());
    }
}
