package cn.rescueforce.teams.member;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.teams.api.model.MemberInput;
import cn.rescueforce.teams.api.model.MemberRole;
import cn.rescueforce.teams.api.model.MemberStatus;
import cn.rescueforce.teams.api.model.TalentType;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamRepository;
import cn.rescueforce.teams.team.TeamService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Team members; each change keeps the team's headcount (its active members) in step, under the team's lock. */
@ApplicationScoped
public class MemberService {

    static final Map<String, String> SORTABLE = Map.of("name", "name", "role", "role", "joinedOn", "joinedOn",
            "trainingHours", "trainingHours");

    @Inject
    MemberRepository members;

    @Inject
    TeamRepository teams;

    @Inject
    TeamService teamService;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Inject
    PersonalDataCipher cipher;

    public record Filter(MemberStatus status, TalentType talentType, MemberRole role, String text) {
    }

    @Transactional
    public Member add(UUID teamId, MemberInput input) {
        Team team = teamService.editableLocked(teamId, Text.of("add members"));
        Text problem = IdNumber.problemWith(input.getIdNumber());
        if (problem != null) {
            throw ProblemException.invalid("idNumber", problem);
        }
        if (input.getJoinedOn().isAfter(LocalDate.now())) {
            throw ProblemException.invalid("joinedOn", Text.of("must not be in the future"));
        }
        if (members.serving(Member.idNumberHash(input.getIdNumber(), cipher))) {
            throw Member.personAlreadyServing(Text.of("A person with this ID number already serves in a team"));
        }
        Member member = Member.join(team.id, input.getName(), input.getRole(), input.getTalentType(), input.getIdNumber(),
                input.getPhone(), input.getJoinedOn(), input.getTrainingHours(), cipher);
        members.persist(member);
        recountHeadcount(team);
        audit.record("Member", member.id, "ADDED", team.province,
                List.of("name", "role", "talentType", "idNumber", "phone", "joinedOn", "trainingHours"));
        return member;
    }

    public Member get(UUID memberId) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("read members"));
        Member member = members.findById(memberId);
        if (member == null || !scope.maySee(teams.findById(member.teamId))) {
            throw ProblemException.notFound(Text.of("member"), memberId);
        }
        return member;
    }

    public PanacheQuery<Member> list(UUID teamId, Filter filter, PageRequest page) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("read members"));
        Team team = scope.visible(teams.findById(teamId), teamId);
        Where where = new Where()
                .equal("teamId", team.id)
                .equal("status", filter.status())
                .equal("talentType", filter.talentType())
                .equal("role", filter.role())
                .contains("name", filter.text());
        return members.search(where, page.sort()).page(page.panachePage());
    }

    @Transactional
    public Member update(UUID memberId, String ifMatch, Member.Changes changes) {
        Member member = get(memberId);
        Team team = teamService.editableLocked(member.teamId, Text.of("edit members"));
        ETags.requireMatch(ifMatch, member.version);
        if (member.returnsWith(changes) && members.serving(member.idNumberHash(cipher))) {
            throw Member.personAlreadyServing(Text.of("This person serves in another team now"));
        }
        List<String> changed = member.change(changes, cipher);
        if (!changed.isEmpty()) {
            members.flush();
            if (changed.contains("status")) {
                recountHeadcount(team);
            }
            audit.record("Member", member.id, "UPDATED", team.province, changed);
        }
        return member;
    }

    /**
     * The team's headcount follows its active members; the team is locked, so concurrent changes all count. A new
     * headcount is a new version of the team, audited (and so published in the change feed) like its other changes.
     */
    private void recountHeadcount(Team team) {
        members.flush();
        if (team.recountHeadcount(members.countActive(team.id))) {
            audit.record("Team", team.id, "HEADCOUNT_CHANGED", team.province, List.of("headcount"));
        }
    }

    static Sort defaultSort() {
        return Sort.by("name");
    }
}
