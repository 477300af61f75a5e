package cn.rescueforce.equipment.ledger;

import cn.rescueforce.equipment.api.model.ReconciliationDifference;
import cn.rescueforce.equipment.api.model.ReconciliationReport;
import cn.rescueforce.equipment.depot.DepotRepository;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the append-only stock ledger and proves it agrees with the stock lines. */
@ApplicationScoped
public class StockLedger {

    @Inject
    Scope scope;

    @Inject
    DepotRepository depots;

    @Inject
    EntityManager em;

    public record Filter(UUID depotId, UUID stockLineId, UUID callUpId) {
    }

    public PanacheQuery<LedgerEntry> list(Filter filter, PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = new ArrayList<>(List.of("e.depotId = d.id", scope.visibleDepots("d", params)));
        if (filter.depotId() != null) {
            where.add("e.depotId = :depotId");
            params.and("depotId", filter.depotId());
        }
        if (filter.stockLineId() != null) {
            where.add("e.stockLineId = :stockLineId");
            params.and("stockLineId", filter.stockLineId());
        }
        if (filter.callUpId() != null) {
            where.add("e.callUpId = :callUpId");
            params.and("callUpId", filter.callUpId());
        }
        return LedgerEntry.<LedgerEntry>find("select e from LedgerEntry e, ReserveDepot d where "
                + Scope.and(where.toArray(String[]::new)) + " order by e.at desc, e.id", params).page(page.panachePage());
    }

    /**
     * Replays every line's entries: Σ quantityDelta must equal the quantity on hand and Σ reservedDelta the
     * reserved quantity. A line without any entry (changed outside the ledger) shows as a difference too.
     */
    public ReconciliationReport reconcile(UUID depotId) {
        Parameters params = new Parameters();
        String where = Scope.and("s.depotId = d.id", scope.visibleDepots("d", params));
        if (depotId != null) {
            scope.visibleDepot(depots.findById(depotId), depotId);
            where += " and s.depotId = :depotId";
            params.and("depotId", depotId);
        }
        TypedQuery<Object[]> query = em.createQuery("select s.id, s.depotId, s.material, s.batch, s.quantity, s.reserved,"
                + " (select coalesce(sum(e.quantityDelta), 0) from LedgerEntry e where e.stockLineId = s.id),"
                + " (select coalesce(sum(e.reservedDelta), 0) from LedgerEntry e where e.stockLineId = s.id),"
                + " (select count(e) from LedgerEntry e where e.stockLineId = s.id)"
                + " from StockLine s, ReserveDepot d where " + where + " order by s.id", Object[].class);
        params.map().forEach(query::setParameter);
        List<ReconciliationDifference> differences = new ArrayList<>();
        long linesChecked = 0;
        long entries = 0;
        for (Object[] row : query.getResultList()) {
            linesChecked++;
            entries += ((Number) row[8]).longValue();
            int quantity = (Integer) row[4];
            int reserved = (Integer) row[5];
            long ledgerQuantity = ((Number) row[6]).longValue();
            long ledgerReserved = ((Number) row[7]).longValue();
            if (quantity != ledgerQuantity || reserved != ledgerReserved) {
                differences.add(new ReconciliationDifference((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3],
                        quantity, ledgerQuantity, reserved, ledgerReserved));
            }
        }
        return new ReconciliationReport(Instant.now().atOffset(ZoneOffset.UTC), linesChecked, entries, differences.isEmpty(), differences)
                .depotId(depotId);
    }
}
