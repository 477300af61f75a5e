package cn.rescueforce.equipment.ledger;

import cn.rescueforce.equipment.api.StockLedgerApi;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class StockLedgerResource implements StockLedgerApi {

    @Inject
    StockLedger ledger;

    @Inject
    LedgerMapper mapper;

    @Override
    public Response listStockLedger(Integer page, Integer size, UUID depotId, UUID stockLineId, UUID callUpId) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("at"));
        PanacheQuery<LedgerEntry> found = ledger.list(new StockLedger.Filter(depotId, stockLineId, callUpId), request);
        List<LedgerEntry> entries = found.list();
        return Response.ok(mapper.page(entries, ledger.linesOf(entries), request, found.count())).build();
    }

    @Override
    public Response reconcileStock(UUID depotId) {
        return Response.ok(mapper.toApi(ledger.reconcile(depotId))).build();
    }
}
