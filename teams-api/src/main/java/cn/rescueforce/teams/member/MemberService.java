package cn.rescueforce.teams.member;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.model.MemberInput;
import cn.rescueforce.teams.api.model.MemberRole;
import cn.rescueforce.teams.api.model.MemberStatus;
import cn.rescueforce.teams.api.model.MemberUpdate;
import cn.rescueforce.teams.api.model.TalentType;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamRepository;
import cn.rescueforce.teams.team.TeamService;
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

    public record Filter(MemberStatus status, TalentType talentType, MemberRole role, String text) {
    }

    @Transactional
    public Member add(UUID teamId, MemberInput input) {
        Team team = teamService.editableLocked(teamId, "add members");
        String problem = IdNumber.problemWith(input.getIdNumber());
        if (problem != null) {
            throw ProblemException.invalid("idNumber", problem);
        }
        if (input.getJoinedOn().isAfter(java.time.LocalDate.now())) {
            throw ProblemException.invalid("joinedOn", "must not be in the future");
        }
        if (members.serving(input.getIdNumber())) {
            throw ProblemException.conflict("A person with this ID number already serves in a team");
        }
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.teamId = team.id;
        member.name = input.getName().trim();
        member.role = input.getRole();
        member.talentType = input.getTalentType();
        member.idNumber = input.getIdNumber();
        member.phone = input.getPhone();
        member.joinedOn = input.getJoinedOn();
        member.status = MemberStatus.ACTIVE;
        member.trainingHours = input.getTrainingHours() == null ? 0 : input.getTrainingHours();
        member.createdAt = Instant.now();
        member.updatedAt = member.createdAt;
        members.persist(member);
        recountHeadcount(team);
        audit.record("Member", member.id, "ADDED", team.province,
                List.of("name", "role", "talentType", "idNumber", "phone", "joinedOn", "trainingHours"));
        return member;
    }

    public Member get(UUID memberId) {
        scope.requireLevel(Scope.TEAM_EDITORS, "read members");
        Member member = members.findById(memberId);
        if (member == null || !scope.maySee(teams.findById(member.teamId))) {
            throw ProblemException.notFound("member", memberId);
        }
        return member;
    }

    public PanacheQuery<Member> list(UUID teamId, Filter filter, PageRequest page) {
        scope.requireLevel(Scope.TEAM_EDITORS, "read members");
        Team team = scope.visible(teams.findById(teamId), teamId);
        Parameters params = Parameters.with("teamId", team.id);
        List<String> where = new ArrayList<>(List.of("teamId = :teamId"));
        if (filter.status() != null) {
            where.add("status = :status");
            params.and("status", filter.status());
        }
        if (filter.talentType() != null) {
            where.add("talentType = :talentType");
            params.and("talentType", filter.talentType());
        }
        if (filter.role() != null) {
            where.add("role = :role");
            params.and("role", filter.role());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("lower(name) like :text");
            params.and("text", "%" + filter.text().trim().toLowerCase() + "%");
        }
        return members.search(String.join(" and ", where), page.sort(), params).page(page.panachePage());
    }

    @Transactional
    public Member update(UUID memberId, String ifMatch, MemberUpdate update) {
        Member member = get(memberId);
        Team team = teamService.editableLocked(member.teamId, "edit members");
        ETags.requireMatch(ifMatch, member.version);
        if (member.status == MemberStatus.LEFT && update.getStatus() != MemberStatus.LEFT
                && members.serving(member.idNumber)) {
            throw ProblemException.conflict("This person serves in another team now");
        }
        List<String> changed = new ArrayList<>();
        if (member.role != update.getRole()) changed.add("role");
        if (member.talentType != update.getTalentType()) changed.add("talentType");
        if (!Objects.equals(member.phone, update.getPhone())) changed.add("phone");
        if (member.status != update.getStatus()) changed.add("status");
        int hours = update.getTrainingHours() == null ? member.trainingHours : update.getTrainingHours();
        if (member.trainingHours != hours) changed.add("trainingHours");
        if (!changed.isEmpty()) {
            member.role = update.getRole();
            member.talentType = update.getTalentType();
            member.phone = update.getPhone();
            member.status = update.getStatus();
            member.trainingHours = hours;
            member.updatedAt = Instant.now();
            members.flush();
            if (changed.contains("status")) {
                recountHeadcount(team);
            }
            audit.record("Member", member.id, "UPDATED", team.province, changed);
        }
        return member;
    }


    private void recountHeadcount(Team team) {
        members.flush();
        int headcount = (int) members.countActive(team.id);
        if (team.headcount != headcount) {
            team.headcount = headcount;
            team.updatedAt = Instant.now();
        }
    }

    static Sort defaultSort() {
        return Sort.by("name");
    }
}
