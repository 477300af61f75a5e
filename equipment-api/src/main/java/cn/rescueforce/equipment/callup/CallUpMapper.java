package cn.rescueforce.equipment.callup;

import cn.rescueforce.equipment.api.model.CallUpLine;
import cn.rescueforce.equipment.api.model.CallUpPage;
import cn.rescueforce.equipment.depot.ReserveDepot;
import cn.rescueforce.equipment.depot.StockLine;
import cn.rescueforce.kit.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Call-ups as the contract shows them, each line with its stock line's material, batch and unit. */
@ApplicationScoped
public class CallUpMapper {

    public CallUpPage page(List<CallUp> callUps, Map<UUID, StockLine> stock, Map<UUID, ReserveDepot> depots,
                           PageRequest request, long total) {
        return new CallUpPage(callUps.stream().map(c -> toApi(c, stock, depots)).toList(), request.page(), request.size(), total);
    }

    public cn.rescueforce.equipment.api.model.CallUp toApi(CallUp callUp, Map<UUID, StockLine> stock, Map<UUID, ReserveDepot> depots) {
        return new cn.rescueforce.equipment.api.model.CallUp()
                .id(callUp.id)
                .depotId(callUp.depotId)
                .depotOwnerLevel(depots.get(callUp.depotId).ownerLevel)
                .teamId(callUp.teamId)
                .teamProvince(callUp.teamProvince)
                .mobilizationOrderId(callUp.mobilizationOrderId)
                .incidentId(callUp.incidentId)
                .purpose(callUp.purpose)
                .status(callUp.status)
                .lines(callUp.lines.stream().map(line -> toApi(line, stock.get(line.stockLineId))).toList())
                .requestedBy(callUp.requestedBy)
                .requestedByLevel(cn.rescueforce.equipment.api.model.CallUp.RequestedByLevelEnum.fromValue(callUp.requestedByLevel.name()))
                .requestedAt(utc(callUp.requestedAt))
                .decidedBy(callUp.decidedBy)
                .approvedAt(utc(callUp.approvedAt))
                .dispatchedAt(utc(callUp.dispatchedAt))
                .closedAt(utc(callUp.closedAt))
                .rejectedAt(utc(callUp.rejectedAt))
                .cancelledAt(utc(callUp.cancelledAt))
                .reason(callUp.reason)
                .version(callUp.version);
    }

    private static CallUpLine toApi(CallUp.Line line, StockLine stockLine) {
        return new CallUpLine()
                .stockLineId(line.stockLineId)
                .material(stockLine.material)
                .batch(stockLine.batch)
                .unit(stockLine.unit)
                .quantity(line.quantity)
                .returnedQuantity(line.returnedQuantity)
                .consumedQuantity(line.consumedQuantity());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
