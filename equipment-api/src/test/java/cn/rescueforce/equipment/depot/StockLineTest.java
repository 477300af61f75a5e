package cn.rescueforce.equipment.depot;

import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stock line's invariants: nothing negative, never more reserved than on hand; a refused change leaves the line as it was. */
class StockLineTest {

    static final Instant AT = Instant.parse("2026-07-01T08:00:00Z");

    static StockLine line(int quantity, int minimumLevel) {
        return StockLine.received(UUID.randomUUID(), " 正压氧气呼吸器氧气瓶 ", " O2-2026-07 ", quantity, "个", LocalDate.of(2028, 6, 30),
                minimumLevel, AT);
    }

    @Test
    void aReceivedBatchHasNothingReserved() {
        StockLine line = StockLine.received(UUID.randomUUID(), "氧气瓶", "O2-1", 100, "个", null, null, AT);
        assertEquals(100, line.quantity);
        assertEquals(0, line.reserved);
        assertEquals(100, line.available());
        assertEquals(0, line.minimumLevel, "no minimum level means 0");
        assertEquals(AT, line.createdAt);
        assertEquals("正压氧气呼吸器氧气瓶", line(1, 0).material);
        assertEquals("O2-2026-07", line(1, 0).batch);
        assertEquals(400, assertThrows(ProblemException.class, () -> line(-1, 0)).status());
    }

    @Test
    void reservingPromisesWhatIsAvailableAndNoMore() {
        StockLine line = line(10, 0);
        line.reserve(4);
        line.reserve(6);
        assertEquals(10, line.quantity);
        assertEquals(10, line.reserved);
        assertEquals(0, line.available());
        ProblemException problem = refused(() -> line.reserve(1), line, "insufficient-stock");
        assertTrue(problem.getMessage().endsWith("0 available, 1 requested"), problem.getMessage());
    }

    @Test
    void releasingGivesBackAtMostWhatIsReserved() {
        StockLine line = line(10, 0);
        line.reserve(4);
        line.release(3);
        assertEquals(1, line.reserved);
        assertEquals(9, line.available());
        refused(() -> line.release(2), line, "stock-changed");
    }

    @Test
    void dispatchingTakesTheReservedQuantityOutOfTheDepot() {
        StockLine line = line(100, 0);
        line.reserve(20);
        line.dispatch(20);
        assertEquals(80, line.quantity);
        assertEquals(0, line.reserved);
        refused(() -> line.dispatch(1), line, "stock-changed");
    }

    @Test
    void unusedMaterialComesBackOnHand() {
        StockLine line = line(80, 0);
        line.takeBack(6);
        assertEquals(86, line.quantity);
        assertEquals(86, line.available());
    }

    @Test
    void anAdjustmentNeverLeavesLessThanIsReserved() {
        StockLine line = line(50, 10);
        line.adjust(-8);
        assertEquals(42, line.quantity);
        line.reserve(40);
        ProblemException problem = refused(() -> line.adjust(-3), line, "insufficient-stock");
        assertTrue(problem.getMessage().endsWith("removing 3 would leave less than the 40 reserved by approved call-ups"), problem.getMessage());
        line.adjust(-2);
        assertEquals(40, line.quantity);
        assertEquals(0, line.available());
        line.adjust(5);
        assertEquals(45, line.quantity);
    }

    @Test
    void anAdjustmentOfNothingIsInvalid() {
        StockLine line = line(5, 0);
        ProblemException problem = refused(() -> line.adjust(0), line, "validation");
        assertEquals("delta", problem.errors().get(0).field());
    }

    @Test
    void aMovementMovesAtLeastOne() {
        StockLine line = line(5, 0);
        for (Executable movement : new Executable[]{() -> line.reserve(0), () -> line.release(-1), () -> line.dispatch(0), () -> line.takeBack(0)}) {
            assertThrows(IllegalArgumentException.class, movement);
        }
        assertEquals(5, line.quantity);
        assertEquals(0, line.reserved);
    }

    @Test
    void aLineIsBelowMinimumWhenLessIsAvailableThanTheDepotKeeps() {
        StockLine line = line(25, 20);
        assertFalse(line.belowMinimum());
        line.reserve(6);
        assertTrue(line.belowMinimum());
        line.release(1);
        assertFalse(line.belowMinimum(), "20 available is the minimum, not below it");
    }

    /** The change fails with a 409 (or 400) of the given type and leaves the line as it was. */
    static ProblemException refused(Executable change, StockLine line, String type) {
        int quantity = line.quantity;
        int reserved = line.reserved;
        ProblemException problem = assertThrows(ProblemException.class, change);
        assertEquals(Problem.TYPE_BASE + type, problem.type());
        assertEquals(quantity, line.quantity);
        assertEquals(reserved, line.reserved);
        return problem;
    }
}
