package cn.rescueforce.equipment.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stock lines replayed from their ledger entries: Σ quantityDelta must equal the quantity on hand and
 * Σ reservedDelta the reserved quantity. A line without any entry (changed outside the ledger) shows as a
 * difference too.
 *
 * @param depotId the one depot checked, {@code null} for every depot the caller sees
 */
public record Reconciliation(UUID depotId, Instant checkedAt, List<Line> lines) {

    /** One stock line as it is and as its ledger says. */
    public record Line(UUID stockLineId, UUID depotId, String material, String batch, int quantity, int reserved,
                       long ledgerQuantity, long ledgerReserved, long entries) {

        public boolean agrees() {
            return quantity == ledgerQuantity && reserved == ledgerReserved;
        }
    }

    public long linesChecked() {
        return lines.size();
    }

    public long entriesReplayed() {
        return lines.stream().mapToLong(Line::entries).sum();
    }

    public List<Line> differences() {
        return lines.stream().filter(line -> !line.agrees()).toList();
    }

    public boolean consistent() {
        return differences().isEmpty();
    }
}
