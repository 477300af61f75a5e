package cn.rescueforce.equipment.ledger;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replaying the ledger: a line agrees when the sums of its entries are its quantities. */
class ReconciliationTest {

    static final UUID DEPOT = UUID.randomUUID();

    static Reconciliation.Line line(int quantity, int reserved, long ledgerQuantity, long ledgerReserved, long entries) {
        return new Reconciliation.Line(UUID.randomUUID(), DEPOT, "氧气瓶", "O2-1", quantity, reserved, ledgerQuantity, ledgerReserved, entries);
    }

    @Test
    void linesThatAgreeWithTheirLedgerAreConsistent() {
        Reconciliation reconciliation = new Reconciliation(DEPOT, Instant.now(), List.of(line(86, 0, 86, 0, 4), line(10, 10, 10, 10, 11)));
        assertTrue(reconciliation.consistent());
        assertEquals(2, reconciliation.linesChecked());
        assertEquals(15, reconciliation.entriesReplayed());
        assertEquals(List.of(), reconciliation.differences());
    }

    @Test
    void aLineChangedBehindTheLedgersBackIsADifference() {
        Reconciliation.Line changed = line(90, 0, 86, 0, 4);
        Reconciliation.Line reservedOnly = line(10, 3, 10, 0, 1);
        Reconciliation.Line withoutEntries = line(5, 0, 0, 0, 0);
        Reconciliation reconciliation = new Reconciliation(null, Instant.now(), List.of(changed, line(1, 0, 1, 0, 1), reservedOnly, withoutEntries));
        assertFalse(reconciliation.consistent());
        assertEquals(List.of(changed, reservedOnly, withoutEntries), reconciliation.differences());
        assertEquals(4, reconciliation.linesChecked());
        assertEquals(6, reconciliation.entriesReplayed());
    }
}
