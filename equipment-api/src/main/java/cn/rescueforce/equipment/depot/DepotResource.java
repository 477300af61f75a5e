package cn.rescueforce.equipment.depot;

import cn.rescueforce.equipment.api.DepotsApi;
import cn.rescueforce.equipment.api.model.DepotOwnerLevel;
import cn.rescueforce.equipment.api.model.ReserveDepotInput;
import cn.rescueforce.equipment.api.model.StockAdjustmentInput;
import cn.rescueforce.equipment.api.model.StockLineInput;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class DepotResource implements DepotsApi {

    static final int DEFAULT_HORIZON_DAYS = 90;

    @Inject
    DepotService service;

    @Inject
    DepotMapper mapper;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response createDepot(ReserveDepotInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            ReserveDepot depot = service.create(input);
            return ETags.created(URI.create("/api/v1/depots/" + depot.id), mapper.toApi(depot), depot.version);
        });
    }

    @Override
    public Response getDepot(UUID depotId, String ifNoneMatch) {
        ReserveDepot depot = service.get(depotId);
        return ETags.read(ifNoneMatch, depot.version, () -> mapper.toApi(depot));
    }

    @Override
    public Response listDepots(Integer page, Integer size, DepotOwnerLevel ownerLevel, String province) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("name"));
        PanacheQuery<ReserveDepot> found = service.list(ownerLevel, province, request);
        return Response.ok(mapper.page(found.list(), request, found.count())).build();
    }

    @Override
    public Response listStock(UUID depotId, Integer page, Integer size, String material) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("material"));
        return stockPage(service.stock(depotId, material, request), request);
    }

    @Override
    public Response addStockLine(UUID depotId, StockLineInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            StockLine line = service.addLine(depotId, input);
            return ETags.created(URI.create("/api/v1/depots/" + depotId + "/stock/" + line.id), toApi(line), line.version);
        });
    }

    @Override
    public Response adjustStock(UUID depotId, UUID stockLineId, StockAdjustmentInput input, String idempotencyKey) {
        // moves quantities: required to be idempotent (openapi/equipment-api.yaml, adjustStock)
        return idempotency.executeRequired(idempotencyKey, input, () -> {
            StockLine line = service.adjust(depotId, stockLineId, input);
            return ETags.ok(toApi(line), line.version);
        });
    }

    @Override
    public Response listLowStock(Integer page, Integer size, String province) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("material"));
        return stockPage(service.low(province, request), request);
    }

    @Override
    public Response listExpiringStock(Integer page, Integer size, Integer withinDays, String province) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("expiresOn"));
        return stockPage(service.expiring(province, withinDays == null ? DEFAULT_HORIZON_DAYS : withinDays, request), request);
    }

    private Response stockPage(PanacheQuery<StockLine> found, PageRequest request) {
        List<StockLine> list = found.list();
        return Response.ok(mapper.stockPage(list, service.depotsOf(list), request, found.count())).build();
    }

    private cn.rescueforce.equipment.api.model.StockLine toApi(StockLine line) {
        return mapper.toApi(line, service.depotsOf(List.of(line)).get(line.depotId));
    }
}
