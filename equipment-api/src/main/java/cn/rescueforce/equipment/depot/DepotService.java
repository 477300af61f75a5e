package cn.rescueforce.equipment.depot;

import cn.rescueforce.equipment.api.model.DepotOwnerLevel;
import cn.rescueforce.equipment.api.model.ReserveDepotInput;
import cn.rescueforce.equipment.api.model.StockAdjustmentInput;
import cn.rescueforce.equipment.api.model.StockLineInput;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.Provinces;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
    Scope scope;

    @Inject
    AuditTrail audit;

    public record StockFilter(String province, Integer withinDays) {
    }

    /** A level registers depots it will own: national national ones, a province its own, a unit its own. */
    @Transactional
    public ReserveDepot create(ReserveDepotInput input) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL, UNIT), "register reserve depots");
        Caller caller = scope.caller();
        DepotOwnerLevel owner = input.getOwnerLevel();
        boolean ownLevel = switch (owner) {
            case NATIONAL -> caller.is(NATIONAL);
            case PROVINCIAL -> caller.is(PROVINCIAL);
            case UNIT -> caller.is(UNIT);
        };
        if (!ownLevel) {
            throw ProblemException.forbidden("Level " + caller.level() + " may not register " + owner + " depots");
        }
        if (input.getProvince() != null && !Provinces.isKnown(input.getProvince())) {
            throw ProblemException.invalid("province", "unknown province code " + input.getProvince());
        }
        if (owner != DepotOwnerLevel.NATIONAL && input.getProvince() == null) {
            throw ProblemException.invalid("province", "required for " + owner + " depots");
        }
        if (owner == DepotOwnerLevel.UNIT && input.getUnitId() == null) {
            throw ProblemException.invalid("unitId", "required for UNIT depots");
        }
        if (owner != DepotOwnerLevel.UNIT && input.getUnitId() != null) {
            throw ProblemException.invalid("unitId", "only UNIT depots have a unit");
        }
        if (caller.is(PROVINCIAL) && !caller.region().equals(input.getProvince())) {
            throw ProblemException.forbidden("A provincial level registers depots of its own province (" + caller.region() + ") only");
        }
        if (caller.is(UNIT) && !caller.org().equals(input.getUnitId())) {
            throw ProblemException.forbidden("A unit registers its own depots only");
        }
        ReserveDepot depot = new ReserveDepot();
        depot.id = UUID.randomUUID();
        depot.name = input.getName().trim();
        depot.ownerLevel = owner;
        depot.province = input.getProvince();
        depot.unitId = input.getUnitId();
        depot.locationLat = input.getLocation().getLat();
        depot.locationLon = input.getLocation().getLon();
        depot.address = input.getAddress();
        depot.contactPhone = input.getContactPhone();
        depot.createdAt = Instant.now();
        depot.updatedAt = depot.createdAt;
        depots.persist(depot);
        audit.record("ReserveDepot", depot.id, "REGISTERED", depot.province,
                List.of("name", "ownerLevel", "province", "unitId", "location", "address", "contactPhone"));
        return depot;
    }

    public ReserveDepot get(UUID id) {
        return scope.visibleDepot(depots.findById(id), id);
    }

    public PanacheQuery<ReserveDepot> list(DepotOwnerLevel ownerLevel, String province, PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = new ArrayList<>(List.of(scope.visibleDepots("", params)));
        if (ownerLevel != null) {
            where.add("ownerLevel = :ownerLevel");
            params.and("ownerLevel", ownerLevel);
        }
        if (province != null) {
            where.add("province = :province");
            params.and("province", province);
        }
        return depots.search(Scope.and(where.toArray(String[]::new)), params).page(page.panachePage());
    }

    public PanacheQuery<StockLine> stock(UUID depotId, String material, PageRequest page) {
        ReserveDepot depot = get(depotId);
        Parameters params = Parameters.with("depotId", depot.id);
        String where = "depotId = :depotId";
        if (material != null && !material.isBlank()) {
            where += " and lower(material) like :material";
            params.and("material", "%" + material.trim().toLowerCase() + "%");
        }
        return lines.search(where, Sort.by("material").and("batch").and("id"), params).page(page.panachePage());
    }

    @Transactional
    public StockLine addLine(UUID depotId, StockLineInput input) {
        ReserveDepot depot = get(depotId);
        scope.requireManages(depot, "receive stock");
        String material = input.getMaterial().trim();
        String batch = input.getBatch().trim();
        if (lines.batchTaken(depot.id, material, batch)) {
            throw ProblemException.conflict("Batch " + batch + " of " + material + " is already in this depot; adjust its line instead");
        }
        StockLine line = new StockLine();
        line.id = UUID.randomUUID();
        line.depotId = depot.id;
        line.material = material;
        line.batch = batch;
        line.quantity = input.getQuantity();
        line.unit = input.getUnit();
        line.expiresOn = input.getExpiresOn();
        line.minimumLevel = input.getMinimumLevel() == null ? 0 : input.getMinimumLevel();
        line.createdAt = Instant.now();
        line.updatedAt = line.createdAt;
        lines.persist(line);
        lines.flush();
        movements.received(line);
        audit.record("StockLine", line.id, "RECEIVED", depot.province, List.of("material", "batch", "quantity", "unit", "expiresOn", "minimumLevel"));
        return line;
    }

    @Transactional
    public StockLine adjust(UUID depotId, UUID lineId, StockAdjustmentInput input) {
        ReserveDepot depot = get(depotId);
        StockLine line = lines.findById(lineId);
        if (line == null || !line.depotId.equals(depot.id)) {
            throw ProblemException.notFound("stock line", lineId);
        }
        scope.requireManages(depot, "adjust stock");
        if (input.getDelta() == 0) {
            throw ProblemException.invalid("delta", "must not be 0");
        }
        StockLine after = movements.adjust(line, input.getDelta(), input.getReason().trim());
        audit.record("StockLine", line.id, "ADJUSTED", depot.province, List.of("quantity"));
        return after;
    }

    public PanacheQuery<StockLine> low(String province, PageRequest page) {
        Parameters params = new Parameters();
        String where = stockScope(province, params) + " and s.quantity - s.reserved < s.minimumLevel";
        return lines.find("select s from StockLine s, ReserveDepot d where s.depotId = d.id and " + where
                + " order by (s.minimumLevel - s.quantity + s.reserved) desc, s.id", params).page(page.panachePage());
    }

    public PanacheQuery<StockLine> expiring(String province, int withinDays, PageRequest page) {
        Parameters params = Parameters.with("horizon", LocalDate.now(java.time.Clock.systemUTC()).plusDays(withinDays));
        String where = stockScope(province, params) + " and s.quantity > 0 and s.expiresOn <= :horizon";
        return lines.find("select s from StockLine s, ReserveDepot d where s.depotId = d.id and " + where
                + " order by s.expiresOn, s.id", params).page(page.panachePage());
    }

    public Map<UUID, ReserveDepot> depotsOf(List<StockLine> list) {
        return depots.withIds(list.stream().map(l -> l.depotId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(d -> d.id, Function.identity()));
    }

    private String stockScope(String province, Parameters params) {
        List<String> where = new ArrayList<>(List.of("1 = 1", scope.visibleDepots("d", params)));
        if (province != null) {
            where.add("d.province = :province");
            params.and("province", province);
        }
        return Scope.and(where.toArray(String[]::new));
    }
}
