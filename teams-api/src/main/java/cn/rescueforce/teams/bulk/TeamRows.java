package cn.rescueforce.teams.bulk;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.bulk.BulkKind;
import cn.rescueforce.kit.bulk.Column;
import cn.rescueforce.kit.bulk.ImportRow;
import cn.rescueforce.kit.bulk.Template;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.GeoPoint;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TeamRegistration;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamMapper;
import cn.rescueforce.teams.team.TeamService;
import cn.rescueforce.teams.unit.SupportingUnit;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Validator;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Teams as a bulk file: a row is {@code POST /api/v1/teams} (TeamService.register: the body's constraints of
 * TeamRegistration, the levels national and provincial, a provincial level registering teams of its own province
 * only, a unique code, the supporting unit in the caller's scope, the lifecycle step, audit and change feed). The
 * supporting unit is named by its unified social credit code; one the caller cannot see is "not found", as the
 * single request answers for its id. The base location is two columns, latitude and longitude; specialties are one
 * cell, separated by {@code ;}. The export is the teams the caller lists, with their unit's credit code.
 */
@ApplicationScoped
public class TeamRows implements BulkKind {

    static final Template TEMPLATE = new Template("teams", List.of(
            Column.required("code", "队伍编码"),
            Column.required("name", "队伍名称"),
            Column.required("category", "队伍类别"),
            Column.required("province", "所在省份"),
            Column.required("supportingUnitCreditCode", "依托单位信用代码"),
            Column.required("baseLat", "驻地纬度"),
            Column.required("baseLon", "驻地经度"),
            Column.optional("baseAddress", "驻地地址"),
            Column.optional("baseCity", "驻地城市"),
            Column.required("dutyPhone", "值班电话"),
            Column.optional("specialties", "专业方向")));

    /** The request's property paths as the file's columns name them. */
    static final Map<String, String> COLUMN_OF = Map.of("baseLocation.lat", "baseLat", "baseLocation.lon", "baseLon",
            "baseLocation", "baseLat", "supportingUnitId", "supportingUnitCreditCode");

    static final int PAGE = 500;

    @Inject
    TeamService service;

    @Inject
    Scope scope;

    @Inject
    EntityManager em;

    @Inject
    Validator validator;

    @Override
    public String kind() {
        return "teams";
    }

    @Override
    public Template template() {
        return TEMPLATE;
    }

    @Override
    public List<ManagementLevel> importers() {
        return List.of(ManagementLevel.NATIONAL, ManagementLevel.PROVINCIAL);
    }

    @Override
    public List<ManagementLevel> exporters() {
        return Scope.TEAM_READERS;
    }

    @Override
    public void apply(ImportRow row) {
        TeamRegistration registration = new TeamRegistration()
                .code(row.requiredText("code"))
                .name(row.requiredText("name"))
                .category(row.enumValue("category", TeamCategory::fromValue, true))
                .province(row.requiredText("province"))
                .baseLocation(new GeoPoint().lat(row.decimal("baseLat", true)).lon(row.decimal("baseLon", true)))
                .baseAddress(row.text("baseAddress"))
                .baseCity(row.text("baseCity"))
                .dutyPhone(row.requiredText("dutyPhone"))
                .specialties(row.enumValues("specialties", cn.rescueforce.teams.api.model.Specialty::fromValue));
        String creditCode = row.requiredText("supportingUnitCreditCode");
        registration.supportingUnitId(creditCode == null ? null : new UUID(0, 0)); // looked up below, once the row reads
        row.validate(validator, registration, COLUMN_OF);
        row.check();
        UUID unit = unitOf(creditCode);
        try {
            // a unit the caller cannot see is passed as an id that names no unit: the operation then answers what it
            // answers for any unknown unit, after its own earlier rules (the level, the province), in its own order
            service.register(registration.getCode(), registration.getCategory(), registration.getProvince(),
                    unit != null ? unit : UUID.randomUUID(), TeamMapper.profile(registration));
        } catch (ProblemException problem) {
            if (unit == null && problem.status() == 404) {
                throw ProblemException.notFound(Text.of("supporting unit with credit code"), creditCode);
            }
            throw problem;
        }
    }

    /** The supporting unit with this credit code in the caller's scope, or null. */
    private UUID unitOf(String creditCode) {
        List<SupportingUnit> found = em.createQuery("from SupportingUnit where creditCode = :code", SupportingUnit.class)
                .setParameter("code", creditCode).getResultList();
        return found.isEmpty() || !found.get(0).isCoveredBy(scope.caller().teamScope()) ? null : found.get(0).id;
    }

    @Override
    public String duplicateKey(ImportRow row) {
        return row.text("code");
    }

    @Override
    public Export export() {
        // the scope is the caller's, decided now, in the request (TeamService.list's rule)
        scope.requireLevel(Scope.TEAM_READERS, Text.of("list teams"));
        Where where = scope.restrict(new Where(), "t.");
        return out -> {
            for (int page = 0; ; page++) {
                int index = page;
                List<List<String>> rows = QuarkusTransaction.requiringNew().call(() -> {
                    TypedQuery<Object[]> query = em.createQuery("select t, u.creditCode from Team t, SupportingUnit u"
                            + " where u.id = t.supportingUnitId" + (where.query().isEmpty() ? "" : " and " + where.query())
                            + " order by t.code, t.id", Object[].class);
                    where.parameterMap().forEach(query::setParameter);
                    return query.setFirstResult(index * PAGE).setMaxResults(PAGE).getResultList().stream()
                            .map(r -> cells((Team) r[0], (String) r[1])).toList();
                });
                rows.forEach(out::row);
                if (rows.size() < PAGE) {
                    return;
                }
            }
        };
    }

    private static List<String> cells(Team team, String creditCode) {
        return Arrays.asList(team.code, team.name, team.category.toString(), team.province, creditCode,
                Double.toString(team.baseLat), Double.toString(team.baseLon), team.baseAddress, team.baseCity, team.dutyPhone,
                team.specialties == null ? "" : String.join(";", team.specialties));
    }
}
