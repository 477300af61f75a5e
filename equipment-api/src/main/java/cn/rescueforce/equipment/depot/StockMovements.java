package cn.rescueforce.equipment.depot;

import cn.rescueforce.equipment.api.model.LedgerEntryKind;
import cn.rescueforce.equipment.ledger.LedgerEntry;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Every change of a stock line: a guarded update of the line and, in the same transaction, its ledger
 * entry. A change the line cannot bear fails as 409 {@code insufficient-stock}, and the caller's
 * transaction rolls back whatever it changed before.
 */
@ApplicationScoped
public class StockMovements {

    @Inject
    StockLineRepository lines;

    @Inject
    Scope scope;

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine received(StockLine line) {
        return record(line, LedgerEntryKind.RECEIPT, line.quantity, 0, null, "initial receipt");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine reserve(StockLine line, int quantity, UUID callUpId) {
        if (!lines.reserve(line.id, quantity)) {
            StockLine now = lines.reload(line.id);
            throw insufficient(now, now.available() + " available, " + quantity + " requested");
        }
        return record(lines.reload(line.id), LedgerEntryKind.RESERVATION, 0, quantity, callUpId, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine release(StockLine line, int quantity, UUID callUpId, String reason) {
        if (!lines.release(line.id, quantity)) {
            throw inconsistent(line, "cannot release " + quantity);
        }
        return record(lines.reload(line.id), LedgerEntryKind.RELEASE, 0, -quantity, callUpId, reason);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine dispatch(StockLine line, int quantity, UUID callUpId) {
        if (!lines.dispatch(line.id, quantity)) {
            throw inconsistent(line, "cannot dispatch " + quantity);
        }
        return record(lines.reload(line.id), LedgerEntryKind.DISPATCH, -quantity, -quantity, callUpId, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine returned(StockLine line, int quantity, UUID callUpId) {
        if (!lines.adjust(line.id, quantity)) {
            throw inconsistent(line, "cannot return " + quantity);
        }
        return record(lines.reload(line.id), LedgerEntryKind.RETURN, quantity, 0, callUpId, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public StockLine adjust(StockLine line, int delta, String reason) {
        if (!lines.adjust(line.id, delta)) {
            StockLine now = lines.reload(line.id);
            throw insufficient(now, "removing " + (-delta) + " would leave less than the " + now.reserved + " reserved by approved call-ups");
        }
        return record(lines.reload(line.id), LedgerEntryKind.ADJUSTMENT, delta, 0, null, reason);
    }

    private StockLine record(StockLine after, LedgerEntryKind kind, int quantityDelta, int reservedDelta, UUID callUpId, String reason) {
        Caller caller = scope.caller();
        LedgerEntry entry = new LedgerEntry();
        entry.id = UUID.randomUUID();
        entry.at = Instant.now();
        entry.depotId = after.depotId;
        entry.stockLineId = after.id;
        entry.kind = kind;
        entry.quantityDelta = quantityDelta;
        entry.reservedDelta = reservedDelta;
        entry.quantityAfter = after.quantity;
        entry.reservedAfter = after.reserved;
        entry.callUpId = callUpId;
        entry.reason = reason;
        entry.actorSub = caller.sub();
        entry.actorLevel = caller.level();
        entry.persist();
        return after;
    }

    static ProblemException insufficient(StockLine line, String detail) {
        return new ProblemException(409, "insufficient-stock", "Insufficient stock",
                "Stock line " + line.id + " (" + line.material + ", batch " + line.batch + "): " + detail, null);
    }

    /** A movement that approved call-ups guarantee; failing means the stock changed under them. */
    private static ProblemException inconsistent(StockLine line, String detail) {
        return ProblemException.conflict("Stock line " + line.id + " (" + line.material + "): " + detail + "; the stock changed, retry");
    }
}
