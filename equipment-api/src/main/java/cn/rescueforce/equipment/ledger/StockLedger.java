package cn.rescueforce.equipment.ledger;

import cn.rescueforce.equipment.depot.DepotAccess;
import cn.rescueforce.equipment.depot.StockLine;
import cn.rescueforce.equipment.depot.StockLineRepository;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the append-only stock ledger of the depots the caller sees and proves it agrees with the stock lines. */
@ApplicationScoped
public class StockLedger {

    @Inject
    DepotAccess depots;

    @Inject
    LedgerEntryRepository entries;

    @Inject
    StockLineRepository lines;

    public record Filter(UUID depotId, UUID stockLineId, UUID callUpId) {
    }

    public PanacheQuery<LedgerEntry> list(Filter filter, PageRequest page) {
        Where where = depots.restrictToVisible(new Where(), "d")
                .equal("e.depotId", filter.depotId())
                .equal("e.stockLineId", filter.stockLineId())
                .equal("e.callUpId", filter.callUpId());
        return entries.search(where).page(page.panachePage());
    }

    public Reconciliation reconcile(UUID depotId) {
        Where where = depots.restrictToVisible(new Where(), "d");
        if (depotId != null) {
            depots.visible(depotId);
        }
        return new Reconciliation(depotId, Instant.now(), entries.replay(where.equal("s.depotId", depotId)));
    }

    /** The stock lines of the entries, by id. */
    public Map<UUID, StockLine> linesOf(List<LedgerEntry> list) {
        return lines.withIds(list.stream().map(e -> e.stockLineId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(l -> l.id, Function.identity()));
    }
}
