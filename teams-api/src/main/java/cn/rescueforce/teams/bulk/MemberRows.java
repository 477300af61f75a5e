package cn.rescueforce.teams.bulk;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.bulk.BulkKind;
import cn.rescueforce.kit.bulk.Column;
import cn.rescueforce.kit.bulk.ImportRow;
import cn.rescueforce.kit.bulk.Template;
import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.MemberInput;
import cn.rescueforce.teams.api.model.MemberRole;
import cn.rescueforce.teams.api.model.TalentType;
import cn.rescueforce.teams.member.IdNumber;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.member.MemberService;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamRepository;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Team members as a bulk file, the team named by its code: a row is {@code POST /api/v1/teams/{teamId}/members}
 * (MemberService.add, after the body's constraints of MemberInput: GB 11643 ID number, one serving team per person, the team's scope and editability, headcount,
 * audit, change feed); a team code outside the caller's scope is "not found", as the single request answers.
 * Certificates are not columns: a member has any number of them, added per member through its own operation.
 * The export masks ID numbers as the read API does.
 */
@ApplicationScoped
public class MemberRows implements BulkKind {

    static final Template TEMPLATE = new Template("members", List.of(
            Column.required("teamCode", "队伍编码"),
            Column.required("name", "姓名"),
            Column.required("role", "职务"),
            Column.required("talentType", "人才类型"),
            Column.required("idNumber", "身份证号").personalData(),
            Column.optional("phone", "手机号码").personalData(),
            Column.required("joinedOn", "入队日期"),
            Column.optional("trainingHours", "培训学时")));

    static final int PAGE = 500;
    /** Team ids by code (a team's code never changes), at most this many kept: a row costs one query less. */
    static final int MAX_CODES = 10_000;

    private final Map<String, UUID> teamIds = new ConcurrentHashMap<>();

    @Inject
    MemberService service;

    @Inject
    TeamRepository teams;

    @Inject
    Scope scope;

    @Inject
    EntityManager em;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    Validator validator;

    @Override
    public String kind() {
        return "members";
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
        return Scope.TEAM_EDITORS;
    }

    @Override
    public void apply(ImportRow row) {
        String teamCode = row.requiredText("teamCode");
        MemberInput input = new MemberInput()
                .name(row.requiredText("name"))
                .role(row.enumValue("role", MemberRole::fromValue, true))
                .talentType(row.enumValue("talentType", TalentType::fromValue, true))
                .idNumber(row.requiredText("idNumber"))
                .phone(row.text("phone"))
                .joinedOn(row.date("joinedOn", true));
        Integer hours = row.integer("trainingHours", false);
        input.trainingHours(hours == null ? 0 : hours);
        row.validate(validator, input, Map.of());
        row.check();
        // the team as the single request finds it (MemberService.add: out of the caller's scope it does not exist, 404),
        // named in the report by the code the row gave, never by an id
        UUID teamId = teamIds.get(teamCode);
        if (teamId == null) {
            Team team = teams.find("code", teamCode).firstResult();
            if (team == null) {
                throw ProblemException.notFound(Text.of("team"), teamCode);
            }
            teamId = team.id;
            if (teamIds.size() >= MAX_CODES) {
                teamIds.clear();
            }
            teamIds.put(teamCode, teamId);
        }
        try {
            service.add(teamId, input);
        } catch (ProblemException problem) {
            if (problem.status() == 404) {
                throw ProblemException.notFound(Text.of("team"), teamCode);
            }
            throw problem;
        }
    }

    @Override
    public String duplicateKey(ImportRow row) {
        String idNumber = row.text("idNumber");
        return idNumber == null ? null : IdNumber.normalized(idNumber);
    }

    @Override
    public Export export() {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("read members"));
        Where where = scope.restrict(new Where(), "t.");
        return out -> {
            for (int page = 0; ; page++) {
                int index = page;
                List<List<String>> rows = QuarkusTransaction.requiringNew().call(() -> {
                    TypedQuery<Object[]> query = em.createQuery("select m, t.code from Member m, Team t where t.id = m.teamId"
                            + (where.query().isEmpty() ? "" : " and " + where.query())
                            + " order by t.code, m.name, m.id", Object[].class);
                    where.parameterMap().forEach(query::setParameter);
                    return query.setFirstResult(index * PAGE).setMaxResults(PAGE).getResultList().stream()
                            .map(r -> cells((Member) r[0], (String) r[1])).toList();
                });
                rows.forEach(out::row);
                if (rows.size() < PAGE) {
                    return;
                }
            }
        };
    }

    private List<String> cells(Member member, String teamCode) {
        return Arrays.asList(teamCode, member.name, member.role.toString(), member.talentType.toString(),
                IdNumber.masked(member.idNumber(cipher)), member.phone(cipher), member.joinedOn.toString(),
                Integer.toString(member.trainingHours));
    }
}
