package cn.rescueforce.equipment.ledger;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class LedgerEntryRepository implements PanacheRepositoryBase<LedgerEntry, UUID> {

    /** Entries (alias {@code e}) joined with their depot {@code d}, the newest first. */
    public PanacheQuery<LedgerEntry> search(Where where) {
        return find("select e from LedgerEntry e join ReserveDepot d on d.id = e.depotId" + where.clause()
                + " order by e.at desc, e.id", where.parameters());
    }

    /** Every stock line (alias {@code s}, its depot {@code d}) with the sums of its ledger entries. */
    public List<Reconciliation.Line> replay(Where where) {
        TypedQuery<Object[]> query = getEntityManager().createQuery("select s.id, s.depotId, s.material, s.batch, s.quantity, s.reserved,"
                + " (select coalesce(sum(e.quantityDelta), 0) from LedgerEntry e where e.stockLineId = s.id),"
                + " (select coalesce(sum(e.reservedDelta), 0) from LedgerEntry e where e.stockLineId = s.id),"
                + " (select count(e) from LedgerEntry e where e.stockLineId = s.id)"
                + " from StockLine s join ReserveDepot d on d.id = s.depotId" + where.clause() + " order by s.id", Object[].class);
        where.parameterMap().forEach(query::setParameter);
        return query.getResultList().stream().map(row -> new Reconciliation.Line((UUID) row[0], (UUID) row[1], (String) row[2],
                (String) row[3], (Integer) row[4], (Integer) row[5], ((Number) row[6]).longValue(), ((Number) row[7]).longValue(),
                ((Number) row[8]).longValue())).toList();
    }
}
