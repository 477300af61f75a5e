package cn.rescueforce.equipment.depot;

import cn.rescueforce.equipment.api.model.LedgerEntryKind;
import cn.rescueforce.equipment.ledger.LedgerEntry;
import cn.rescueforce.equipment.ledger.LedgerEntryRepository;
import cn.rescueforce.equipment.security.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Every change of a stock line: the line is locked and reloaded, changes itself (or refuses, see
 * {@link StockLine}) and, in the same transaction, its ledger entry is written. A refused change fails as a
 * 409 and the caller's transaction rolls back whatever it changed before. Concurrent changes of one line wait
 * for each other, so however many there are, none can take the line below what it holds.
 */
@ApplicationScoped
public class StockMovements {

    @Inject
    StockLineRepository lines;

    @Inject
    LedgerEntryRepository ledger;

    @Inject
    Scope scope;

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine received(StockLine line) {
        lines.persist(line);
        lines.flush();
        return record(line, LedgerEntryKind.RECEIPT, line.quantity, 0, null, "initial receipt");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine reserve(StockLine line, int quantity, UUID callUpId) {
        change(line, l -> l.reserve(quantity));
        return record(line, LedgerEntryKind.RESERVATION, 0, quantity, callUpId, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine release(StockLine line, int quantity, UUID callUpId, String reason) {
        change(line, l -> l.release(quantity));
        return record(line, LedgerEntryKind.RELEASE, 0, -quantity, callUpId, reason);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine dispatch(StockLine line, int quantity, UUID callUpId) {
        change(line, l -> l.dispatch(quantity));
        return record(line, LedgerEntryKind.DISPATCH, -quantity, -quantity, callUpId, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine returned(StockLine line, int quantity, UUID callUpId) {
        change(line, l -> l.takeBack(quantity));
        return record(line, LedgerEntryKind.RETURN, quantity, 0, callUpId, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine adjust(StockLine line, int delta, String reason) {
        change(line, l -> l.adjust(delta));
        return record(line, LedgerEntryKind.ADJUSTMENT, delta, 0, null, reason);
    }

    private void change(StockLine line, Consumer<StockLine> change) {
        lines.lock(line);
        change.accept(line);
        lines.flush();
    }

    private StockLine record(StockLine after, LedgerEntryKind kind, int quantityDelta, int reservedDelta, UUID callUpId, String reason) {
        ledger.persist(LedgerEntry.of(after, kind, quantityDelta, reservedDelta, callUpId, reason, scope.caller()));
        return after;
    }
}
