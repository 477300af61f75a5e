package cn.rescueforce.equipment.equipment;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.api.model.EquipmentItemInput;
import cn.rescueforce.equipment.api.model.EquipmentItemUpdate;
import cn.rescueforce.equipment.api.model.EquipmentStatus;
import cn.rescueforce.equipment.api.model.InspectionInput;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.catalog.EquipmentTypeRepository;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("register team equipment"));
        TeamRef team = scope.visibleTeam(teamId);
        EquipmentType type = types.findByCode(input.getEquipmentTypeCode())
                .orElseThrow(() -> ProblemException.invalid("equipmentTypeCode", Text.of("unknown equipment type {0}", input.getEquipmentTypeCode())));
        EquipmentItem item = EquipmentItem.register(team, type, input.getSerialNumber(), input.getStatus(), input.getAcquiredOn(),
                input.getExpiresOn(), input.getLastInspectedOn(), input.getNote(), today(), Instant.now());
        if (items.serialTaken(type.id, item.serialNumber)) {
            throw EquipmentItem.serialTaken(type.code, item.serialNumber);
        }
        items.persist(item);
        audit.record("EquipmentItem", item.id, "REGISTERED", team.province(),
                List.of("teamId", "equipmentTypeCode", "serialNumber", "status", "acquiredOn", "expiresOn", "lastInspectedOn"));
        return item;
    }

    public EquipmentItem get(UUID teamId, UUID itemId) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read team equipment"));
        scope.visibleTeam(teamId);
        return itemOfTeam(teamId, itemId);
    }

    public PanacheQuery<EquipmentItem> list(UUID teamId, EquipmentStatus status, String typeCode, PageRequest page) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read team equipment"));
        scope.visibleTeam(teamId);
        Where where = new Where()
                .equal("teamId", teamId)
                .equal("status", status)
                // an unknown type code matches no item
                .equal("equipmentTypeId", typeCode == null ? null : types.findByCode(typeCode).map(t -> t.id).orElse(new UUID(0, 0)));
        return items.search(where, Sort.by("equipmentTypeId").and("serialNumber")).page(page.panachePage());
    }

    @Transactional
    public EquipmentItem update(UUID teamId, UUID itemId, String ifMatch, EquipmentItemUpdate update) {
        EquipmentItem item = editable(teamId, itemId, Text.of("update team equipment"));
        ETags.requireMatch(ifMatch, item.version);
        List<String> changed = item.revise(update.getStatus(), update.getExpiresOn(), update.getNote(), Instant.now());
        if (!changed.isEmpty()) {
            items.flush();
            audit.record("EquipmentItem", item.id, "UPDATED", item.teamProvince, changed);
        }
        return item;
    }

    @Transactional
    public Inspection recordInspection(UUID teamId, UUID itemId, InspectionInput input) {
        EquipmentItem item = editable(teamId, itemId, Text.of("record inspections"));
        Instant now = Instant.now();
        List<String> changed = item.inspected(input.getKind(), input.getResult(), input.getPerformedOn(),
                types.findById(item.equipmentTypeId), today(), now);
        Inspection inspection = Inspection.of(item.id, input.getKind(), input.getPerformedOn(), input.getResult(),
                input.getInspector(), input.getNotes(), scope.caller().sub(), now);
        inspection.persist();
        items.flush();
        audit.record("EquipmentItem", item.id, input.getKind() + "_" + input.getResult(), item.teamProvince, changed);
        return inspection;
    }

    public PanacheQuery<Inspection> inspections(UUID teamId, UUID itemId, PageRequest page) {
        EquipmentItem item = get(teamId, itemId);
        return items.inspections(item.id).page(page.panachePage());
    }

    public PanacheQuery<EquipmentItem> overdueInspections(AlertFilter filter, PageRequest page) {
        Where where = alertScope(filter).before("nextInspectionDue", today());
        return items.search(where, Sort.by("nextInspectionDue").and("id")).page(page.panachePage());
    }

    public PanacheQuery<EquipmentItem> expiring(AlertFilter filter, int withinDays, PageRequest page) {
        Where where = alertScope(filter).atMost("expiresOn", today().plusDays(withinDays));
        return items.search(where, Sort.by("expiresOn").and("id")).page(page.panachePage());
    }

    public Map<UUID, EquipmentType> typesOf(Collection<EquipmentItem> list) {
        return types.withIds(list.stream().map(i -> i.equipmentTypeId).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
    }

    /** Items not retired of the teams in the caller's scope, of one province or team when given. */
    private Where alertScope(AlertFilter filter) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read equipment alerts"));
        Where where = scope.restrictToVisibleTeams(new Where(), "")
                .equal("teamProvince", filter.province())
                .equal("teamId", filter.teamId());
        String retired = where.name();
        return where.condition("status <> :" + retired, Map.of(retired, EquipmentStatus.RETIRED));
    }

    private EquipmentItem editable(UUID teamId, UUID itemId, Text action) {
        scope.requireLevel(Scope.TEAM_EDITORS, action);
        scope.visibleTeam(teamId);
        EquipmentItem item = itemOfTeam(teamId, itemId);
        item.requireChangeable();
        return item;
    }

    private EquipmentItem itemOfTeam(UUID teamId, UUID itemId) {
        EquipmentItem item = items.findById(itemId);
        if (item == null || !item.teamId.equals(teamId)) {
            throw ProblemException.notFound(Text.of("equipment item"), itemId);
        }
        return item;
    }
}
