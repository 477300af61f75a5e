package cn.rescueforce.equipment.equipment;

import cn.rescueforce.equipment.api.model.EquipmentStatus;
import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class EquipmentItemRepository implements PanacheRepositoryBase<EquipmentItem, UUID> {

    public boolean serialTaken(UUID typeId, String serialNumber) {
        return count("equipmentTypeId = ?1 and serialNumber = ?2", typeId, serialNumber) > 0;
    }

    public PanacheQuery<EquipmentItem> search(Where where, Sort sort) {
        return find(where.query(), sort, where.parameters());
    }

    /** Items that count towards compliance, per type: in service and not expired on {@code today}. */
    public Map<UUID, Long> inServiceByType(UUID teamId, LocalDate today) {
        List<Object[]> rows = getEntityManager().createQuery(
                        "select i.equipmentTypeId, count(i) from EquipmentItem i where i.teamId = :team and i.status = :status"
                                + " and (i.expiresOn is null or i.expiresOn > :today) group by i.equipmentTypeId", Object[].class)
                .setParameter("team", teamId).setParameter("status", EquipmentStatus.IN_SERVICE).setParameter("today", today)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (Long) r[1]));
    }

    public List<EquipmentItem> overdue(UUID teamId, LocalDate today) {
        return list("teamId = ?1 and status <> ?2 and nextInspectionDue < ?3",
                Sort.by("nextInspectionDue").and("serialNumber"), teamId, EquipmentStatus.RETIRED, today);
    }

    public PanacheQuery<Inspection> inspections(UUID itemId) {
        return Inspection.find("itemId", Sort.by("performedOn", Sort.Direction.Descending).and("recordedAt", Sort.Direction.Descending), itemId);
    }
}
