package cn.rescueforce.equipment.depot;

import cn.rescueforce.equipment.api.model.GeoPoint;
import cn.rescueforce.equipment.api.model.ReserveDepotPage;
import cn.rescueforce.equipment.api.model.StockLinePage;
import cn.rescueforce.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Depots and their stock lines as the contract shows them. */
@ApplicationScoped
public class DepotMapper {

    public ReserveDepotPage page(List<ReserveDepot> depots, PageRequest request, long total) {
        return new ReserveDepotPage(depots.stream().map(this::toApi).toList(), request.page(), request.size(), total);
    }

    public StockLinePage stockPage(List<StockLine> lines, Map<UUID, ReserveDepot> depots, PageRequest request, long total) {
        return new StockLinePage(lines.stream().map(l -> toApi(l, depots.get(l.depotId))).toList(), request.page(), request.size(), total);
    }

    public cn.rescueforce.equipment.api.model.ReserveDepot toApi(ReserveDepot depot) {
        return new cn.rescueforce.equipment.api.model.ReserveDepot()
                .id(depot.id)
                .name(depot.name)
                .ownerLevel(depot.ownerLevel)
                .province(depot.province)
                .unitId(depot.unitId)
                .location(new GeoPoint(depot.locationLat, depot.locationLon))
                .address(depot.address)
                .contactPhone(depot.contactPhone)
                .createdAt(depot.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(depot.updatedAt.atOffset(ZoneOffset.UTC))
                .version(depot.version);
    }

    /** A stock line with the name of its depot ({@code null} when the depot is not at hand). */
    public cn.rescueforce.equipment.api.model.StockLine toApi(StockLine line, ReserveDepot depot) {
        return new cn.rescueforce.equipment.api.model.StockLine()
                .id(line.id)
                .depotId(line.depotId)
                .depotName(depot == null ? null : depot.name)
                .material(line.material)
                .batch(line.batch)
                .quantity(line.quantity)
                .reserved(line.reserved)
                .available(line.available())
                .unit(line.unit)
                .expiresOn(line.expiresOn)
                .minimumLevel(line.minimumLevel)
                .belowMinimum(line.belowMinimum())
                .createdAt(line.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(line.updatedAt.atOffset(ZoneOffset.UTC))
                .version(line.version);
    }
}
