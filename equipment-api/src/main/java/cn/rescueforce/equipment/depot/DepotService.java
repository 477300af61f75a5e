package cn.rescueforce.equipment.depot;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.api.model.DepotOwnerLevel;
import cn.rescueforce.equipment.api.model.ReserveDepotInput;
import cn.rescueforce.equipment.api.model.StockAdjustmentInput;
import cn.rescueforce.equipment.api.model.StockLineInput;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.Provinces;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

/** Reserve depots and their stock lines; the owner manages, the scope reads. */
@ApplicationScoped
public class DepotService {

    @Inject
    DepotRepository depots;

    @Inject
    StockLineRepository lines;

    @Inject
    StockMovements movements;

    @Inject
    DepotAccess access;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    /** A level registers depots it will own: national national ones, a province its own, a unit its own. */
    @Transactional
    public ReserveDepot create(ReserveDepotInput input) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL, UNIT), Text.of("register reserve depots"));
        Caller caller = scope.caller();
        DepotOwnerLevel owner = input.getOwnerLevel();
        boolean ownLevel = switch (owner) {
            case NATIONAL -> caller.is(NATIONAL);
            case PROVINCIAL -> caller.is(PROVINCIAL);
            case UNIT -> caller.is(UNIT);
        };
        if (!ownLevel) {
            throw ProblemException.forbidden(Text.of("Level {0} may not register {1} depots", caller.level(), owner));
        }
        if (input.getProvince() != null && !Provinces.isKnown(input.getProvince())) {
            throw ProblemException.invalid("province", Text.of("unknown province code {0}", input.getProvince()));
        }
        if (owner != DepotOwnerLevel.NATIONAL && input.getProvince() == null) {
            throw ProblemException.invalid("province", Text.of("required for {0} depots", owner));
        }
        if (owner == DepotOwnerLevel.UNIT && input.getUnitId() == null) {
            throw ProblemException.invalid("unitId", Text.of("required for UNIT depots"));
        }
        if (owner != DepotOwnerLevel.UNIT && input.getUnitId() != null) {
            throw ProblemException.invalid("unitId", Text.of("only UNIT depots have a unit"));
        }
        if (caller.is(PROVINCIAL) && !caller.region().equals(input.getProvince())) {
            throw ProblemException.forbidden(Text.of("A provincial level registers depots of its own province ({0}) only", caller.region()));
        }
        if (caller.is(UNIT) && !caller.org().equals(input.getUnitId())) {
            throw ProblemException.forbidden(Text.of("A unit registers its own depots only"));
        }
        ReserveDepot depot = ReserveDepot.register(input.getName(), owner, input.getProvince(), input.getUnitId(),
                input.getLocation().getLat(), input.getLocation().getLon(), input.getAddress(), input.getContactPhone(), Instant.now());
        depots.persist(depot);
        audit.record("ReserveDepot", depot.id, "REGISTERED", depot.province,
                List.of("name", "ownerLevel", "province", "unitId", "location", "address", "contactPhone"));
        return depot;
    }

    public ReserveDepot get(UUID id) {
        return access.visible(id);
    }

    public PanacheQuery<ReserveDepot> list(DepotOwnerLevel ownerLevel, String province, PageRequest page) {
        Where where = access.restrictToVisible(new Where(), "")
                .equal("ownerLevel", ownerLevel)
                .equal("province", province);
        return depots.search(where).page(page.panachePage());
    }

    public PanacheQuery<StockLine> stock(UUID depotId, String material, PageRequest page) {
        ReserveDepot depot = get(depotId);
        return lines.search(new Where().equal("depotId", depot.id).contains("material", material)).page(page.panachePage());
    }

    @Transactional
    public StockLine addLine(UUID depotId, StockLineInput input) {
        ReserveDepot depot = get(depotId);
        access.requireManages(depot, Text.of("receive stock"));
        StockLine line = StockLine.received(depot.id, input.getMaterial(), input.getBatch(), input.getQuantity(), input.getUnit(),
                input.getExpiresOn(), input.getMinimumLevel(), Instant.now());
        if (lines.batchTaken(depot.id, line.material, line.batch)) {
            throw StockLine.batchTaken(line.material, line.batch);
        }
        movements.received(line);
        audit.record("StockLine", line.id, "RECEIVED", depot.province, List.of("material", "batch", "quantity", "unit", "expiresOn", "minimumLevel"));
        return line;
    }

    @Transactional
    public StockLine adjust(UUID depotId, UUID lineId, StockAdjustmentInput input) {
        ReserveDepot depot = get(depotId);
        StockLine line = lines.findById(lineId);
        if (line == null || !line.depotId.equals(depot.id)) {
            throw ProblemException.notFound(Text.of("stock line"), lineId);
        }
        access.requireManages(depot, Text.of("adjust stock"));
        StockLine after = movements.adjust(line, input.getDelta(), input.getReason().trim());
        audit.record("StockLine", line.id, "ADJUSTED", depot.province, List.of("quantity"));
        return after;
    }

    public PanacheQuery<StockLine> low(String province, PageRequest page) {
        return lines.belowMinimum(stockScope(province)).page(page.panachePage());
    }

    public PanacheQuery<StockLine> expiring(String province, int withinDays, PageRequest page) {
        return lines.expiringBy(stockScope(province), LocalDate.now(Clock.systemUTC()).plusDays(withinDays)).page(page.panachePage());
    }

    public Map<UUID, ReserveDepot> depotsOf(List<StockLine> list) {
        return depots.withIds(list.stream().map(l -> l.depotId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(d -> d.id, Function.identity()));
    }

    /** Stock of the depots (alias {@code d}) the caller sees, of one province when given. */
    private Where stockScope(String province) {
        return access.restrictToVisible(new Where(), "d").equal("d.province", province);
    }
}
