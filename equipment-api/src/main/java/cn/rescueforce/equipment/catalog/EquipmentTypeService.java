package cn.rescueforce.equipment.catalog;

import cn.rescueforce.equipment.api.model.EquipmentGroup;
import cn.rescueforce.equipment.api.model.EquipmentTypeInput;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;

/** The national equipment catalog: national maintains it, every level reads it. */
@ApplicationScoped
public class EquipmentTypeService {

    @Inject
    EquipmentTypeRepository types;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Transactional
    public EquipmentType create(EquipmentTypeInput input) {
        scope.requireLevel(NATIONAL, "maintain the equipment catalog");
        if (types.findByCode(input.getCode()).isPresent()) {
            throw ProblemException.conflict("An equipment type with code " + input.getCode() + " already exists");
        }
        EquipmentType type = new EquipmentType();
        type.id = UUID.randomUUID();
        type.code = input.getCode();
        type.createdAt = Instant.now();
        apply(type, input);
        types.persist(type);
        audit.record("EquipmentType", type.id, "CREATED", null,
                List.of("code", "name", "group", "unit", "inspectionIntervalDays", "serviceLifeMonths", "description"));
        return type;
    }

    @Transactional
    public EquipmentType update(String code, String ifMatch, EquipmentTypeInput input) {
        scope.requireLevel(NATIONAL, "maintain the equipment catalog");
        EquipmentType type = get(code);
        ETags.requireMatch(ifMatch, type.version);
        if (!type.code.equals(input.getCode())) {
            throw ProblemException.invalid("code", "the code of a catalog type never changes (" + type.code + ")");
        }
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(type.name, input.getName().trim())) changed.add("name");
        if (type.group != input.getGroup()) changed.add("group");
        if (!Objects.equals(type.unit, input.getUnit())) changed.add("unit");
        if (!Objects.equals(type.inspectionIntervalDays, input.getInspectionIntervalDays())) changed.add("inspectionIntervalDays");
        if (!Objects.equals(type.serviceLifeMonths, input.getServiceLifeMonths())) changed.add("serviceLifeMonths");
        if (!Objects.equals(type.description, input.getDescription())) changed.add("description");
        if (!changed.isEmpty()) {
            apply(type, input);
            types.flush();
            audit.record("EquipmentType", type.id, "UPDATED", null, changed);
        }
        return type;
    }

    public EquipmentType get(String code) {
        return types.findByCode(code).orElseThrow(() -> ProblemException.notFound("equipment type", code));
    }

    public PanacheQuery<EquipmentType> list(EquipmentGroup group, String text, PageRequest page) {
        Parameters params = new Parameters();
        List<String> where = new ArrayList<>();
        if (group != null) {
            where.add("group = :group");
            params.and("group", group);
        }
        if (text != null && !text.isBlank()) {
            where.add("(lower(code) like :text or lower(name) like :text)");
            params.and("text", "%" + text.trim().toLowerCase() + "%");
        }
        return types.search(Scope.and(where.toArray(String[]::new)), params).page(page.panachePage());
    }

    private static void apply(EquipmentType type, EquipmentTypeInput input) {
        type.name = input.getName().trim();
        type.group = input.getGroup();
        type.unit = input.getUnit();
        type.inspectionIntervalDays = input.getInspectionIntervalDays();
        type.serviceLifeMonths = input.getServiceLifeMonths();
        type.description = input.getDescription();
        type.updatedAt = Instant.now();
    }
}
