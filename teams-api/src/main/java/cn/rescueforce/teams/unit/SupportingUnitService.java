package cn.rescueforce.teams.unit;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.Provinces;
import cn.rescueforce.teams.api.model.SupportingUnitInput;
import cn.rescueforce.teams.security.Scope;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.MINE_SAFETY;
import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
import static cn.rescueforce.kit.security.ManagementLevel.SERVICE;
import static cn.rescueforce.kit.security.ManagementLevel.UNIT;

@ApplicationScoped
public class SupportingUnitService {

    static final Map<String, String> SORTABLE = Map.of("name", "name", "province", "province", "createdAt", "createdAt");

    @Inject
    SupportingUnitRepository units;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Transactional
    public SupportingUnit register(SupportingUnitInput input) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL), "register supporting units");
        assertValid(input);
        assertMayHostInProvince(input.getProvince());
        if (units.creditCodeTaken(input.getCreditCode(), null)) {
            throw ProblemException.conflict("A supporting unit with credit code " + input.getCreditCode() + " is already registered");
        }
        SupportingUnit unit = new SupportingUnit();
        unit.id = UUID.randomUUID();
        unit.createdAt = Instant.now();
        apply(input, unit);
        units.persist(unit);
        audit.record("SupportingUnit", unit.id, "REGISTERED", unit.province,
                List.of("name", "creditCode", "province", "address", "contactName", "contactPhone"));
        return unit;
    }

    public SupportingUnit get(UUID id) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT, SERVICE), "read supporting units");
        SupportingUnit unit = units.findById(id);
        if (unit == null || !maySee(unit)) {
            throw ProblemException.notFound("supporting unit", id);
        }
        return unit;
    }

    public PanacheQuery<SupportingUnit> list(String province, String text, PageRequest page) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL, MINE_SAFETY, UNIT, SERVICE), "list supporting units");
        Caller caller = scope.caller();
        Parameters params = new Parameters();
        List<String> where = new ArrayList<>();
        switch (caller.level()) {
            case PROVINCIAL, MINE_SAFETY -> {
                where.add("province = :scopeRegion");
                params.and("scopeRegion", caller.region());
            }
            case UNIT -> {
                where.add("id = :scopeUnit");
                params.and("scopeUnit", caller.org());
            }
            default -> { }
        }
        if (province != null) {
            where.add("province = :province");
            params.and("province", province);
        }
        if (text != null && !text.isBlank()) {
            where.add("(lower(name) like :text or lower(creditCode) like :text)");
            params.and("text", "%" + text.trim().toLowerCase() + "%");
        }
        return units.search(String.join(" and ", where), page.sort(), params).page(page.panachePage());
    }

    @Transactional
    public SupportingUnit update(UUID id, String ifMatch, SupportingUnitInput input) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL, UNIT), "update supporting units");
        SupportingUnit unit = get(id);
        ETags.requireMatch(ifMatch, unit.version);
        assertValid(input);
        if (!input.getProvince().equals(unit.province)) {
            if (!scope.caller().is(NATIONAL)) {
                throw ProblemException.invalid("province", "only the national level may move a supporting unit to another province");
            }
        }
        if (units.creditCodeTaken(input.getCreditCode(), unit.id)) {
            throw ProblemException.conflict("A supporting unit with credit code " + input.getCreditCode() + " is already registered");
        }
        List<String> changed = changedFields(unit, input);
        if (!changed.isEmpty()) {
            apply(input, unit);
            units.flush(); // the version moves now, so the response carries the new ETag
            audit.record("SupportingUnit", unit.id, "UPDATED", unit.province, changed);
        }
        return unit;
    }

    boolean maySee(SupportingUnit unit) {
        Caller caller = scope.caller();
        return switch (caller.level()) {
            case NATIONAL, SERVICE -> true;
            case PROVINCIAL, MINE_SAFETY -> caller.region().equals(unit.province);
            case UNIT -> caller.org().equals(unit.id);
            case ASSESSOR -> false;
        };
    }

    /** A province registers and hosts teams of its own province only. */
    private void assertMayHostInProvince(String province) {
        Caller caller = scope.caller();
        if (caller.is(ManagementLevel.PROVINCIAL) && !caller.region().equals(province)) {
            throw ProblemException.forbidden("A provincial level registers supporting units of its own province (" + caller.region() + ") only");
        }
    }

    private static void assertValid(SupportingUnitInput input) {
        List<FieldError> errors = new ArrayList<>();
        String creditProblem = CreditCode.problemWith(input.getCreditCode());
        if (creditProblem != null) {
            errors.add(new FieldError("creditCode", creditProblem));
        }
        if (!Provinces.isKnown(input.getProvince())) {
            errors.add(new FieldError("province", "unknown province code " + input.getProvince()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static List<String> changedFields(SupportingUnit unit, SupportingUnitInput input) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(unit.name, input.getName().trim())) changed.add("name");
        if (!Objects.equals(unit.creditCode, input.getCreditCode())) changed.add("creditCode");
        if (!Objects.equals(unit.province, input.getProvince())) changed.add("province");
        if (!Objects.equals(unit.address, input.getAddress())) changed.add("address");
        if (!Objects.equals(unit.contactName, input.getContactName())) changed.add("contactName");
        if (!Objects.equals(unit.contactPhone, input.getContactPhone())) changed.add("contactPhone");
        return changed;
    }

    private static void apply(SupportingUnitInput input, SupportingUnit unit) {
        unit.name = input.getName().trim();
        unit.creditCode = input.getCreditCode();
        unit.province = input.getProvince();
        unit.address = input.getAddress();
        unit.contactName = input.getContactName();
        unit.contactPhone = input.getContactPhone();
        unit.updatedAt = Instant.now();
    }

    static Sort defaultSort() {
        return Sort.by("name");
    }
}
