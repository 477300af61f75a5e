package cn.rescueforce.equipment.ledger;

import cn.rescueforce.equipment.api.model.LedgerEntryPage;
import cn.rescueforce.equipment.api.model.ReconciliationDifference;
import cn.rescueforce.equipment.api.model.ReconciliationReport;
import cn.rescueforce.equipment.depot.StockLine;
import cn.rescueforce.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Ledger entries and reconciliations as the contract shows them. */
@ApplicationScoped
public class LedgerMapper {

    public LedgerEntryPage page(List<LedgerEntry> entries, Map<UUID, StockLine> lines, PageRequest request, long total) {
        return new LedgerEntryPage(entries.stream().map(e -> toApi(e, lines.get(e.stockLineId))).toList(),
                request.page(), request.size(), total);
    }

    public cn.rescueforce.equipment.api.model.LedgerEntry toApi(LedgerEntry entry, StockLine line) {
        return new cn.rescueforce.equipment.api.model.LedgerEntry()
                .id(entry.id)
                .at(entry.at.atOffset(ZoneOffset.UTC))
                .depotId(entry.depotId)
                .stockLineId(entry.stockLineId)
                .material(line.material)
                .batch(line.batch)
                .kind(entry.kind)
                .quantityDelta(entry.quantityDelta)
                .reservedDelta(entry.reservedDelta)
                .quantityAfter(entry.quantityAfter)
                .reservedAfter(entry.reservedAfter)
                .callUpId(entry.callUpId)
                .reason(entry.reason)
                .actorSub(entry.actorSub)
                .actorLevel(cn.rescueforce.equipment.api.model.LedgerEntry.ActorLevelEnum.fromValue(entry.actorLevel.name()));
    }

    public ReconciliationReport toApi(Reconciliation reconciliation) {
        List<ReconciliationDifference> differences = reconciliation.differences().stream()
                .map(line -> new ReconciliationDifference(line.stockLineId(), line.depotId(), line.material(), line.batch(),
                        line.quantity(), line.ledgerQuantity(), line.reserved(), line.ledgerReserved()))
                .toList();
        return new ReconciliationReport(reconciliation.checkedAt().atOffset(ZoneOffset.UTC), reconciliation.linesChecked(),
                reconciliation.entriesReplayed(), reconciliation.consistent(), differences)
                .depotId(reconciliation.depotId());
    }
}
