package cn.rescueforce.equipment.bulk;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.api.model.EquipmentItemInput;
import cn.rescueforce.equipment.api.model.EquipmentStatus;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.equipment.EquipmentItem;
import cn.rescueforce.equipment.equipment.EquipmentService;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.equipment.teams.client.TeamsApi;
import cn.rescueforce.equipment.teams.client.model.Team;
import cn.rescueforce.equipment.teams.client.model.TeamPage;
import cn.rescueforce.kit.bulk.BulkKind;
import cn.rescueforce.kit.bulk.Column;
import cn.rescueforce.kit.bulk.ImportRow;
import cn.rescueforce.kit.bulk.Template;
import cn.rescueforce.kit.client.OtherService;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Validator;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A team's equipment items as a bulk file: a row is {@code POST /api/v1/teams/{teamId}/equipment}
 * (EquipmentService.register: the body's constraints of EquipmentItemInput, the levels that edit teams, the team in
 * the caller's scope, a known equipment type, the dates' rules, a serial number unused for its type, audit and change
 * feed). The team is named by its id ({@code teamId}) or its code ({@code teamCode}, looked up in teams-api; the id
 * wins when both are given). A team the caller cannot see is "not found" naming what the row said, never another
 * id. The export is the items of the teams in the caller's scope, each with its team's id and code.
 */
@ApplicationScoped
public class EquipmentRows implements BulkKind {

    static final Template TEMPLATE = new Template("equipment", List.of(
            Column.optional("teamCode", "队伍编码"),
            Column.optional("teamId", "队伍ID"),
            Column.required("equipmentTypeCode", "装备类型编码"),
            Column.required("serialNumber", "出厂编号"),
            Column.optional("status", "状态"),
            Column.required("acquiredOn", "购置日期"),
            Column.optional("expiresOn", "到期日期"),
            Column.optional("lastInspectedOn", "最近检查日期"),
            Column.optional("note", "备注")));

    private static final OtherService TEAMS_API = OtherService.named("teams-api");
    static final int PAGE = 500;
    /** Team codes looked up in teams-api (a code never changes), at most this many kept. */
    static final int MAX_CODES = 10_000;

    @Inject
    EquipmentService service;

    @Inject
    Scope scope;

    @Inject
    EntityManager em;

    @Inject
    Validator validator;

    @Inject
    @RestClient
    TeamsApi teams;

    private final Map<String, UUID> teamIds = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return "equipment";
    }

    @Override
    public Template template() {
        return TEMPLATE;
    }

    @Override
    public List<ManagementLevel> importers() {
        return Scope.TEAM_EDITORS;
    }

    @Override
    public List<ManagementLevel> exporters() {
        return Scope.TEAM_READERS;
    }

    @Override
    public void apply(ImportRow row) {
        String teamCode = row.text("teamCode");
        UUID teamId = row.uuid("teamId", false);
        if (teamCode == null && row.text("teamId") == null) {
            row.requiredText("teamCode"); // one of the two names the team
        }
        EquipmentItemInput input = new EquipmentItemInput()
                .equipmentTypeCode(row.requiredText("equipmentTypeCode"))
                .serialNumber(row.requiredText("serialNumber"))
                .status(row.enumValue("status", EquipmentStatus::fromValue, false))
                .acquiredOn(row.date("acquiredOn", true))
                .expiresOn(row.date("expiresOn", false))
                .lastInspectedOn(row.date("lastInspectedOn", false))
                .note(row.text("note"));
        row.validate(validator, input, Map.of());
        row.check();
        service.register(visibleTeam(teamId, teamCode), input);
    }

    /**
     * The team the row names, in the caller's scope: what {@code POST /api/v1/teams/{teamId}/equipment} finds. Out of
     * scope it is "not found" naming the row's own value (an id the caller found no team for never names another).
     */
    private UUID visibleTeam(UUID teamId, String teamCode) {
        String named = teamId != null ? teamId.toString() : teamCode;
        UUID id = teamId != null ? teamId : idOf(teamCode);
        try {
            scope.requireLevel(Scope.TEAM_EDITORS, Text.of("register team equipment"));
            return scope.visibleTeam(id).id();
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw ProblemException.notFound(Text.of("team"), named);
            }
            throw e;
        }
    }

    /** The id of the team with this code (teams-api's list, searched by the code), or 404. */
    private UUID idOf(String code) {
        UUID known = teamIds.get(code);
        if (known != null) {
            return known;
        }
        for (int page = 0; page < 1000; page++) {
            int index = page;
            TeamPage found = TEAMS_API.call(() -> teams.listTeams(index, 200, null, null, null, null, null, null, code));
            for (Team team : found.getItems()) {
                if (code.equals(team.getCode())) {
                    if (teamIds.size() >= MAX_CODES) {
                        teamIds.clear();
                    }
                    teamIds.put(code, team.getId());
                    return team.getId();
                }
            }
            if ((long) (index + 1) * 200 >= found.getTotal()) {
                break;
            }
        }
        throw ProblemException.notFound(Text.of("team"), code);
    }

    @Override
    public String duplicateKey(ImportRow row) {
        String type = row.text("equipmentTypeCode");
        String serial = row.text("serialNumber");
        return type == null || serial == null ? null : type + "\u0000" + serial.trim();
    }

    @Override
    public Export export() {
        // the scope is the caller's, decided now, in the request (as the equipment lists apply it)
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read team equipment"));
        Where where = scope.restrictToVisibleTeams(new Where(), "i");
        return out -> {
            Map<UUID, String> codes = new HashMap<>();
            for (int page = 0; ; page++) {
                int index = page;
                List<List<String>> rows = QuarkusTransaction.requiringNew().call(() -> {
                    TypedQuery<EquipmentItem> query = em.createQuery("select i from EquipmentItem i"
                            + (where.query().isEmpty() ? "" : " where " + where.query())
                            + " order by i.teamId, i.equipmentTypeId, i.serialNumber, i.id", EquipmentItem.class);
                    where.parameterMap().forEach(query::setParameter);
                    List<EquipmentItem> items = query.setFirstResult(index * PAGE).setMaxResults(PAGE).getResultList();
                    Map<UUID, EquipmentType> types = service.typesOf(items);
                    return items.stream().map(i -> cells(i, codeOf(i.teamId, codes), types.get(i.equipmentTypeId))).toList();
                });
                rows.forEach(out::row);
                if (rows.size() < PAGE) {
                    return;
                }
            }
        };
    }

    /** The team's code as teams-api gives it, or empty when it cannot answer (the id names the team as well). */
    private String codeOf(UUID teamId, Map<UUID, String> codes) {
        return codes.computeIfAbsent(teamId, id -> {
            try {
                return Objects.requireNonNullElse(TEAMS_API.call(() -> teams.getTeam(id, null)).getCode(), "");
            } catch (RuntimeException unavailable) {
                return "";
            }
        });
    }

    private static List<String> cells(EquipmentItem item, String teamCode, EquipmentType type) {
        return Arrays.asList(teamCode, item.teamId.toString(), type == null ? "" : type.code, item.serialNumber,
                item.status.toString(), text(item.acquiredOn), text(item.expiresOn), text(item.lastInspectedOn), item.note);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
