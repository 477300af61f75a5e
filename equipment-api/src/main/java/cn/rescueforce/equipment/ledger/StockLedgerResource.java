package cn.rescueforce.equipment.ledger;

import cn.rescueforce.equipment.api.StockLedgerApi;
import cn.rescueforce.equipment.api.model.LedgerEntryPage;
import cn.rescueforce.equipment.depot.StockLine;
import cn.rescueforce.equipment.depot.StockLineRepository;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
@Authenticated
public class StockLedgerResource implements StockLedgerApi {

    @Inject
    StockLedger ledger;

    @Inject
    StockLineRepository lines;

    @Override
    public Response listStockLedger(Integer page, Integer size, UUID depotId, UUID stockLineId, UUID callUpId) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("at"));
        PanacheQuery<LedgerEntry> found = ledger.list(new StockLedger.Filter(depotId, stockLineId, callUpId), request);
        List<LedgerEntry> entries = found.list();
        Map<UUID, StockLine> byId = lines.withIds(entries.stream().map(e -> e.stockLineId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(l -> l.id, Function.identity()));
        return Response.ok(new LedgerEntryPage(entries.stream().map(e -> toApi(e, byId.get(e.stockLineId))).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response reconcileStock(UUID depotId) {
        return Response.ok(ledger.reconcile(depotId)).build();
    }

    static cn.rescueforce.equipment.api.model.LedgerEntry toApi(LedgerEntry entry, StockLine line) {
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
}
