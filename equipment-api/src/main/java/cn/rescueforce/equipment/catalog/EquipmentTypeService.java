package cn.rescueforce.equipment.catalog;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.api.model.EquipmentGroup;
import cn.rescueforce.equipment.api.model.EquipmentTypeInput;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

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
        scope.requireLevel(NATIONAL, Text.of("maintain the equipment catalog"));
        if (types.findByCode(input.getCode()).isPresent()) {
            throw EquipmentType.codeTaken(input.getCode());
        }
        EquipmentType type = EquipmentType.create(input.getCode(), input.getName(), input.getGroup(), input.getUnit(),
                input.getInspectionIntervalDays(), input.getServiceLifeMonths(), input.getDescription(), Instant.now());
        types.persist(type);
        audit.record("EquipmentType", type.id, "CREATED", null,
                List.of("code", "name", "group", "unit", "inspectionIntervalDays", "serviceLifeMonths", "description"));
        return type;
    }

    @Transactional
    public EquipmentType update(String code, String ifMatch, EquipmentTypeInput input) {
        scope.requireLevel(NATIONAL, Text.of("maintain the equipment catalog"));
        EquipmentType type = get(code);
        ETags.requireMatch(ifMatch, type.version);
        if (!type.code.equals(input.getCode())) {
            throw ProblemException.invalid("code", Text.of("the code of a catalog type never changes ({0})", type.code));
        }
        List<String> changed = type.revise(input.getName(), input.getGroup(), input.getUnit(), input.getInspectionIntervalDays(),
                input.getServiceLifeMonths(), input.getDescription(), Instant.now());
        if (!changed.isEmpty()) {
            types.flush();
            audit.record("EquipmentType", type.id, "UPDATED", null, changed);
        }
        return type;
    }

    public EquipmentType get(String code) {
        return types.findByCode(code).orElseThrow(() -> ProblemException.notFound(Text.of("equipment type"), code));
    }

    public PanacheQuery<EquipmentType> list(EquipmentGroup group, String text, PageRequest page) {
        Where where = new Where()
                .equal("group", group)
                .anyOf(code -> code.contains("code", text), name -> name.contains("name", text));
        return types.search(where).page(page.panachePage());
    }
}
