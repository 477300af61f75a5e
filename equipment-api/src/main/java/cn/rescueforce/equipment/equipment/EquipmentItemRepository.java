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
        return inServiceByTeamAndType(List.of(teamId), today).getOrDefault(teamId, Map.of());
    }

    /** {@link #inServiceByType} of many teams in one query: per team (teams without such items left out), per type. */
    public Map<UUID, Map<UUID, Long>> inServiceByTeamAndType(java.util.Collection<UUID> teamIds, LocalDate today) {
        List<Object[]> rows = getEntityManager().createQuery(
                        "select i.teamId, i.equipmentTypeId, count(i) from EquipmentItem i where i.teamId in :teams and i.status = :status"
                                + " and (i.expiresOn is null or i.expiresOn > :today) group by i.teamId, i.equipmentTypeId", Object[].class)
                .setParameter("teams", teamIds).setParameter("status", EquipmentStatus.IN_SERVICE).setParameter("today", today)
                .getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> (UUID) r[0], Collectors.toMap(r -> (UUID) r[1], r -> (Long) r[2])));
    }

    public List<EquipmentItem> overdue(UUID teamId, LocalDate today) {
        return list("teamId = ?1 and status <> ?2 and nextInspectionDue < ?3",
                Sort.by("nextInspectionDue").and("serialNumber"), teamId, EquipmentStatus.RETIRED, today);
    }

    public PanacheQuery<Inspection> inspections(UUID itemId) {
        return Inspection.find("itemId", Sort.by("performedOn", Sort.Direction.Descending).and("recordedAt", Sort.Direction.Descending), itemId);
    }
}
