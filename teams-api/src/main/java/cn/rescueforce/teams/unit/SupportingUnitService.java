package cn.rescueforce.teams.unit;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.Provinces;
import cn.rescueforce.teams.security.Scope;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;
import static cn.rescueforce.kit.security.ManagementLevel.PROVINCIAL;
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
    public SupportingUnit register(SupportingUnit.Details details) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL), Text.of("register supporting units"));
        assertValid(details);
        assertMayHostInProvince(details.province());
        if (units.creditCodeTaken(details.creditCode(), null)) {
            throw SupportingUnit.creditCodeTaken(Text.of("A supporting unit with credit code {0} is already registered", details.creditCode()));
        }
        SupportingUnit unit = SupportingUnit.register(details);
        units.persist(unit);
        audit.record("SupportingUnit", unit.id, "REGISTERED", unit.province,
                List.of("name", "creditCode", "province", "address", "contactName", "contactPhone"));
        return unit;
    }

    public SupportingUnit get(UUID id) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read supporting units"));
        SupportingUnit unit = units.findById(id);
        if (unit == null || !unit.isCoveredBy(scope.caller().teamScope())) {
            throw ProblemException.notFound(Text.of("supporting unit"), id);
        }
        return unit;
    }

    public PanacheQuery<SupportingUnit> list(String province, String text, PageRequest page) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("list supporting units"));
        Where where = scope.caller().teamScope().restrict(new Where(), SupportingUnit.AS_HOST)
                .equal("province", province)
                .anyOf(w -> w.contains("name", text), w -> w.contains("creditCode", text));
        return units.search(where, page.sort()).page(page.panachePage());
    }

    /** The names of the units of {@code ids} that exist, by id (a team shows its unit's name). */
    public Map<UUID, String> names(Collection<UUID> ids) {
        return units.names(ids);
    }

    @Transactional
    public SupportingUnit update(UUID id, String ifMatch, SupportingUnit.Details details) {
        scope.requireLevel(List.of(NATIONAL, PROVINCIAL, UNIT), Text.of("update supporting units"));
        SupportingUnit unit = get(id);
        ETags.requireMatch(ifMatch, unit.version);
        assertValid(details);
        if (!details.province().equals(unit.province) && !scope.caller().is(NATIONAL)) {
            throw ProblemException.invalid("province", Text.of("only the national level may move a supporting unit to another province"));
        }
        if (units.creditCodeTaken(details.creditCode(), unit.id)) {
            throw SupportingUnit.creditCodeTaken(Text.of("A supporting unit with credit code {0} is already registered", details.creditCode()));
        }
        List<String> changed = unit.update(details);
        if (!changed.isEmpty()) {
            units.flush(); // the version moves now, so the response carries the new ETag
            audit.record("SupportingUnit", unit.id, "UPDATED", unit.province, changed);
        }
        return unit;
    }

    /** A province registers and hosts teams of its own province only. */
    private void assertMayHostInProvince(String province) {
        Caller caller = scope.caller();
        if (caller.is(PROVINCIAL) && !caller.region().equals(province)) {
            throw ProblemException.forbidden(Text.of("A provincial level registers supporting units of its own province ({0}) only", caller.region()));
        }
    }

    private static void assertValid(SupportingUnit.Details details) {
        List<FieldError> errors = new ArrayList<>();
        Text creditProblem = CreditCode.problemWith(details.creditCode());
        if (creditProblem != null) {
            errors.add(new FieldError("creditCode", creditProblem));
        }
        if (!Provinces.isKnown(details.province())) {
            errors.add(new FieldError("province", Text.of("unknown province code {0}", details.province())));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    static Sort defaultSort() {
        return Sort.by("name");
    }
}
