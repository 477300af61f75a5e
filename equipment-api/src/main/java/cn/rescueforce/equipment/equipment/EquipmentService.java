package cn.rescueforce.equipment.equipment;

import cn.rescueforce.equipment.api.model.EquipmentItemInput;
import cn.rescueforce.equipment.api.model.EquipmentItemUpdate;
import cn.rescueforce.equipment.api.model.EquipmentStatus;
import cn.rescueforce.equipment.api.model.InspectionInput;
import cn.rescueforce.equipment.api.model.InspectionKind;
import cn.rescueforce.equipment.api.model.InspectionResult;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.catalog.EquipmentTypeRepository;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Team equipment: items, their inspections and maintenance, and the lists of what needs attention. */
@ApplicationScoped
public class EquipmentService {

    @Inject
    EquipmentItemRepository items;

    @Inject
    EquipmentTypeRepository types;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    public record AlertFilter(String province, UUID teamId) {
    }

    public static LocalDate today() {
        return LocalDate.now(Clock.systemUTC());
    }

    @Transactional
    public EquipmentItem register(UUID teamId, EquipmentItemInput input) {
        scope.requireLevel(Scope.TEAM_EDITORS, "register team equipment");
        TeamRef team = scope.visibleTeam(teamId);
        EquipmentType type = types.findByCode(input.getEquipmentTypeCode())
                .orElseThrow(() -> ProblemException.invalid("equipmentTypeCode", "unknown equipment type " + input.getEquipmentTypeCode()));
        LocalDate today = today();
        if (input.getAcquiredOn().isAfter(today)) {
            throw ProblemException.invalid("acquiredOn", "must not be in the future");
        }
        if (input.getExpiresOn() != null && input.getExpiresOn().isBefore(input.getAcquiredOn())) {
            throw ProblemException.invalid("expiresOn", "must not be before acquiredOn");
        }
        if (input.getLastInspectedOn() != null
                && (input.getLastInspectedOn().isBefore(input.getAcquiredOn()) || input.getLastInspectedOn().isAfter(today))) {
            throw ProblemException.invalid("lastInspectedOn", "must be between acquiredOn and today");
        }
        String serial = input.getSerialNumber().trim();
        if (items.serialTaken(type.id, serial)) {
            throw ProblemException.conflict("A " + type.code + " with serial number " + serial + " is already registered");
        }
        EquipmentItem item = new EquipmentItem();
        item.id = UUID.randomUUID();
        item.teamId = team.id();
        item.teamProvince = team.province();
        item.teamMining = team.mining();
        item.teamUnitId = team.supportingUnitId();
        item.equipmentTypeId = type.id;
        item.serialNumber = serial;
        item.status = input.getStatus() == null ? EquipmentStatus.IN_SERVICE : input.getStatus();
        item.acquiredOn = input.getAcquiredOn();
        item.expiresOn = input.getExpiresOn() != null ? input.getExpiresOn()
                : type.serviceLifeMonths == null ? null : input.getAcquiredOn().plusMonths(type.serviceLifeMonths);
        item.lastInspectedOn = input.getLastInspectedOn();
        item.nextInspectionDue = nextInspectionDue(type, item);
        item.note = input.getNote();
        item.createdAt = Instant.now();
        item.updatedAt = item.createdAt;
        items.persist(item);
        audit.record("EquipmentItem", item.id, "REGISTERED", team.province(),
                List.of("teamId", "equipmentTypeCode", "serialNumber", "status", "acquiredOn", "expiresOn", "lastInspectedOn"));
        return item;
    }

    public EquipmentItem get(UUID teamId, UUID itemId) {
        scope.requireLevel(Scope.TEAM_READERS, "read team equipment");
        scope.visibleTeam(teamId);
        return itemOfTeam(teamId, itemId);
    }

    public PanacheQuery<EquipmentItem> list(UUID teamId, EquipmentStatus status, String typeCode, PageRequest page) {
        scope.requireLevel(Scope.TEAM_READERS, "read team equipment");
        scope.visibleTeam(teamId);
        Parameters params = Parameters.with("teamId", teamId);
        List<String> where = new ArrayList<>(List.of("teamId = :teamId"));
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (typeCode != null) {
            where.add("equipmentTypeId = :typeId");
            params.and("typeId", types.findByCode(typeCode).map(t -> t.id).orElse(new UUID(0, 0)));
        }
        return items.search(Scope.and(where.toArray(String[]::new)), Sort.by("equipmentTypeId").and("serialNumber"), params)
                .page(page.panachePage());
    }

    @Transactional
    public EquipmentItem update(UUID teamId, UUID itemId, String ifMatch, EquipmentItemUpdate update) {
        EquipmentItem item = editable(teamId, itemId, "update team equipment");
        ETags.requireMatch(ifMatch, item.version);
        if (update.getExpiresOn() != null && update.getExpiresOn().isBefore(item.acquiredOn)) {
            throw ProblemException.invalid("expiresOn", "must not be before acquiredOn (" + item.acquiredOn + ")");
        }
        List<String> changed = new ArrayList<>();
        if (item.status != update.getStatus()) changed.add("status");
        if (!Objects.equals(item.expiresOn, update.getExpiresOn())) changed.add("expiresOn");
        if (!Objects.equals(item.note, update.getNote())) changed.add("note");
        if (!changed.isEmpty()) {
            item.status = update.getStatus();
            item.expiresOn = update.getExpiresOn();
            item.note = update.getNote();
            item.updatedAt = Instant.now();
            items.flush();
            audit.record("EquipmentItem", item.id, "UPDATED", item.teamProvince, changed);
        }
        return item;
    }

    /**
     * A passed inspection moves the inspection dates on; any passed record brings an item under maintenance
     * back into service; a failed one takes it out of service for maintenance.
     */
    @Transactional
    public Inspection recordInspection(UUID teamId, UUID itemId, InspectionInput input) {
        EquipmentItem item = editable(teamId, itemId, "record inspections");
        if (input.getPerformedOn().isAfter(today())) {
            throw ProblemException.invalid("performedOn", "must not be in the future");
        }
        if (input.getPerformedOn().isBefore(item.acquiredOn)) {
            throw ProblemException.invalid("performedOn", "must not be before the item was acquired (" + item.acquiredOn + ")");
        }
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.itemId = item.id;
        inspection.kind = input.getKind();
        inspection.performedOn = input.getPerformedOn();
        inspection.result = input.getResult();
        inspection.inspector = input.getInspector();
        inspection.notes = input.getNotes();
        inspection.recordedBy = scope.caller().sub();
        inspection.recordedAt = Instant.now();
        inspection.persist();

        List<String> changed = new ArrayList<>();
        if (input.getResult() == InspectionResult.PASSED) {
            if (input.getKind() == InspectionKind.INSPECTION
                    && (item.lastInspectedOn == null || input.getPerformedOn().isAfter(item.lastInspectedOn))) {
                item.lastInspectedOn = input.getPerformedOn();
                item.nextInspectionDue = nextInspectionDue(types.findById(item.equipmentTypeId), item);
                changed.addAll(List.of("lastInspectedOn", "nextInspectionDue"));
            }
            if (item.status == EquipmentStatus.UNDER_MAINTENANCE) {
                item.status = EquipmentStatus.IN_SERVICE;
                changed.add("status");
            }
        } else if (item.status != EquipmentStatus.UNDER_MAINTENANCE) {
            item.status = EquipmentStatus.UNDER_MAINTENANCE;
            changed.add("status");
        }
        item.updatedAt = Instant.now();
        items.flush();
        audit.record("EquipmentItem", item.id, input.getKind() + "_" + input.getResult(), item.teamProvince, changed);
        return inspection;
    }

    public PanacheQuery<Inspection> inspections(UUID teamId, UUID itemId, PageRequest page) {
        EquipmentItem item = get(teamId, itemId);
        return items.inspections(item.id).page(page.panachePage());
    }

    public PanacheQuery<EquipmentItem> overdueInspections(AlertFilter filter, PageRequest page) {
        Parameters params = Parameters.with("retired", EquipmentStatus.RETIRED).and("today", today());
        String where = alertScope(filter, params) + " and status <> :retired and nextInspectionDue < :today";
        return items.search(where, Sort.by("nextInspectionDue").and("id"), params).page(page.panachePage());
    }

    public PanacheQuery<EquipmentItem> expiring(AlertFilter filter, int withinDays, PageRequest page) {
        Parameters params = Parameters.with("retired", EquipmentStatus.RETIRED).and("horizon", today().plusDays(withinDays));
        String where = alertScope(filter, params) + " and status <> :retired and expiresOn <= :horizon";
        return items.search(where, Sort.by("expiresOn").and("id"), params).page(page.panachePage());
    }

    public Map<UUID, EquipmentType> typesOf(Collection<EquipmentItem> list) {
        return types.withIds(list.stream().map(i -> i.equipmentTypeId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
    }

    private String alertScope(AlertFilter filter, Parameters params) {
        scope.requireLevel(Scope.TEAM_READERS, "read equipment alerts");
        List<String> where = new ArrayList<>(List.of("1 = 1", scope.visibleTeamRows("", params)));
        if (filter.province() != null) {
            where.add("teamProvince = :province");
            params.and("province", filter.province());
        }
        if (filter.teamId() != null) {
            where.add("teamId = :teamId");
            params.and("teamId", filter.teamId());
        }
        return Scope.and(where.toArray(String[]::new));
    }

    private EquipmentItem editable(UUID teamId, UUID itemId, String action) {
        scope.requireLevel(Scope.TEAM_EDITORS, action);
        scope.visibleTeam(teamId);
        EquipmentItem item = itemOfTeam(teamId, itemId);
        if (item.status == EquipmentStatus.RETIRED) {
            throw ProblemException.invalidTransition("A RETIRED item stays on record and can no longer change");
        }
        return item;
    }

    private EquipmentItem itemOfTeam(UUID teamId, UUID itemId) {
        EquipmentItem item = items.findById(itemId);
        if (item == null || !item.teamId.equals(teamId)) {
            throw ProblemException.notFound("equipment item", itemId);
        }
        return item;
    }

    /** One inspection interval of the type after the last inspection, or after acquisition when never inspected. */
    static LocalDate nextInspectionDue(EquipmentType type, EquipmentItem item) {
        if (type.inspectionIntervalDays == null) {
            return null;
        }
        LocalDate from = item.lastInspectedOn != null ? item.lastInspectedOn : item.acquiredOn;
        return from.plusDays(type.inspectionIntervalDays);
    }

}
