package cn.rescueforce.equipment.depot;

import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Stock lines in the change feed, as the stock operations answer them ({@code StockLine} with its depot's name, as
 * {@code GET /api/v1/depots/{depotId}/stock} lists it), to whoever sees their depot ({@link DepotChanges#readersOf}:
 * the stock of a depot is read through the depot).
 */
@ApplicationScoped
public class StockLineChanges implements ChangeSource {

    static final List<String> EVENT_TYPES = List.of("stock.received", "stock.adjusted");

    @Inject
    DepotMapper mapper;

    @Override
    public String entityType() {
        return "StockLine";
    }

    @Override
    public List<String> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("stock", action, EVENT_TYPES);
    }

    @Override
    public Representation represent(UUID id) {
        StockLine line = ChangeSource.asStored(StockLine.findById(id));
        if (line == null) {
            return null;
        }
        ReserveDepot depot = ReserveDepot.findById(line.depotId);
        return Representation.of(mapper.toApi(line, depot), line.version, DepotChanges.readersOf(depot));
    }
}
