package cn.rescueforce.teams.insurance;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.DutyInjuryInput;
import cn.rescueforce.teams.api.model.InsuranceKind;
import cn.rescueforce.teams.api.model.MemberStatus;
import cn.rescueforce.teams.certificate.CertificateService;
import cn.rescueforce.teams.drill.Drill;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.member.MemberService;
import cn.rescueforce.teams.mobilization.MobilizationOrder;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What protects the teams' members: their insurance policies and their injuries on duty. Both are read by the levels
 * that read members, as the member's own read ({@link MemberService#get}: the team editors, 404 out of scope) and
 * recorded by the levels that edit the member's team.
 */
@ApplicationScoped
public class OccupationalSecurityService {

    @Inject
    MemberService members;

    @Inject
    TeamService teams;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    EntityManager em;

    /** A team's serving members, how many are insured against work injury on {@code asOf}, and who is not. */
    public record Coverage(UUID teamId, LocalDate asOf, long servingMembers, long insuredMembers, List<Member> uninsured) {
    }

    /** One team's share of serving members insured against work injury on a day. */
    public record TeamShare(UUID teamId, String province, long servingMembers, long insuredMembers) {
    }

    @Transactional
    public InsurancePolicy recordPolicy(UUID memberId, InsuranceKind kind, InsurancePolicy.Terms terms) {
        Member member = members.get(memberId);
        Team team = teams.editable(member.teamId, Text.of("record insurance policies"));
        member.assertServing();
        validate(terms);
        InsurancePolicy policy = InsurancePolicy.covering(member, team, kind, terms, cipher);
        policy.persist();
        audit.record("InsurancePolicy", policy.id, "RECORDED", team.province,
                List.of("kind", "insurer", "policyNumber", "sumInsured", "validFrom", "validTo"));
        return policy;
    }

    @Transactional
    public InsurancePolicy updatePolicy(UUID policyId, String ifMatch, InsurancePolicy.Terms terms) {
        InsurancePolicy policy = policy(policyId);
        Team team = teams.editable(policy.teamId, Text.of("edit insurance policies"));
        ETags.requireMatch(ifMatch, policy.version);
        validate(terms);
        List<String> changed = policy.change(terms, cipher);
        if (!changed.isEmpty()) {
            em.flush();
            audit.record("InsurancePolicy", policy.id, "UPDATED", team.province, changed);
        }
        return policy;
    }

    /** One policy, for the levels that read its member (404 out of scope). */
    public InsurancePolicy policy(UUID policyId) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("read insurance policies"));
        InsurancePolicy policy = InsurancePolicy.findById(policyId);
        if (policy == null || !scope.caller().covers(policy.province, TeamScope.isMining(policy.category), policy.supportingUnitId)) {
            throw ProblemException.notFound(Text.of("insurance policy"), policyId);
        }
        return policy;
    }

    public PanacheQuery<InsurancePolicy> policies(UUID memberId, LocalDate validOn, PageRequest page) {
        Member member = members.get(memberId);
        Where where = new Where().equal("memberId", member.id).atMost("validFrom", validOn).atLeast("validTo", validOn);
        return InsurancePolicy.<InsurancePolicy>find(where.query(), page.sort(), where.parameters()).page(page.panachePage());
    }

    /** {@code GET /api/v1/teams/{teamId}/uninsured-members}: the levels that read members, in their scope. */
    public Coverage uninsured(UUID teamId, LocalDate asOf) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("read members' insurance"));
        Team team = teams.get(teamId);
        LocalDate day = asOf == null ? CertificateService.today() : asOf;
        List<Member> uninsured = em.createQuery("from Member m where m.teamId = :team and m.status <> :left and not exists ("
                        + "select 1 from InsurancePolicy p where p.memberId = m.id and p.kind = :workInjury"
                        + " and p.validFrom <= :day and p.validTo >= :day) order by m.name, m.id", Member.class)
                .setParameter("team", team.id).setParameter("left", MemberStatus.LEFT)
                .setParameter("workInjury", InsuranceKind.WORK_INJURY).setParameter("day", day).getResultList();
        long serving = em.createQuery("select count(m) from Member m where m.teamId = :team and m.status <> :left", Long.class)
                .setParameter("team", team.id).setParameter("left", MemberStatus.LEFT).getSingleResult();
        return new Coverage(team.id, day, serving, serving - uninsured.size(), uninsured);
    }

    /**
     * For each team {@code teamScope} covers that has serving members: how many serve and how many of them hold a
     * work-injury policy in force on {@code asOf} (the policy requires it of every rescuer). For national figures,
     * pass the scope of the level they are for; teams in order of their id.
     */
    public List<TeamShare> insuredShare(TeamScope teamScope, LocalDate asOf) {
        Where serving = teamScope.restrict(new Where(), Scope.teamColumns("t.")).condition("m.status <> :left", Map.of("left", MemberStatus.LEFT));
        var servingQuery = em.createQuery("select t.id, t.province, count(m) from Member m, Team t where t.id = m.teamId and "
                + serving.query() + " group by t.id, t.province order by t.id", Object[].class);
        serving.parameterMap().forEach(servingQuery::setParameter);
        Where insured = teamScope.restrict(new Where(), Scope.teamColumns("t.")).condition("m.status <> :left and p.kind = :workInjury"
                + " and p.validFrom <= :day and p.validTo >= :day", Map.of("left", MemberStatus.LEFT, "workInjury", InsuranceKind.WORK_INJURY,
                "day", asOf));
        var insuredQuery = em.createQuery("select t.id, count(distinct m.id) from Member m, Team t, InsurancePolicy p"
                + " where t.id = m.teamId and p.memberId = m.id and " + insured.query() + " group by t.id", Object[].class);
        insured.parameterMap().forEach(insuredQuery::setParameter);
        Map<UUID, Long> insuredByTeam = new HashMap<>();
        for (Object[] row : insuredQuery.getResultList()) {
            insuredByTeam.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        List<TeamShare> shares = new ArrayList<>();
        for (Object[] row : servingQuery.getResultList()) {
            UUID team = (UUID) row[0];
            shares.add(new TeamShare(team, (String) row[1], ((Number) row[2]).longValue(), insuredByTeam.getOrDefault(team, 0L)));
        }
        return shares;
    }

    @Transactional
    public DutyInjury recordInjury(UUID memberId, DutyInjuryInput input) {
        Member member = members.get(memberId);
        Team team = teams.editable(member.teamId, Text.of("record injuries on duty"));
        List<Problem.FieldError> errors = new ArrayList<>();
        if (input.getOccurredOn().isAfter(CertificateService.today())) {
            errors.add(new Problem.FieldError("occurredOn", Text.of("must not be in the future")));
        }
        if ((input.getMobilizationOrderId() == null) == (input.getDrillId() == null)) {
            errors.add(new Problem.FieldError(input.getDrillId() == null ? "mobilizationOrderId" : "drillId",
                    Text.of("exactly one of mobilizationOrderId and drillId names where the injury happened")));
        } else if (input.getMobilizationOrderId() != null) {
            MobilizationOrder order = MobilizationOrder.findById(input.getMobilizationOrderId());
            if (order == null || !order.teamId.equals(team.id)) {
                errors.add(new Problem.FieldError("mobilizationOrderId", Text.of("no mobilization order of the member's team has this id")));
            }
        } else {
            Drill drill = Drill.findById(input.getDrillId());
            if (drill == null || !drill.teamId.equals(team.id)) {
                errors.add(new Problem.FieldError("drillId", Text.of("no drill of the member's team has this id")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        DutyInjury injury = DutyInjury.of(member, team, input.getOccurredOn(),
                new DutyInjury.OnDuty(input.getMobilizationOrderId(), input.getDrillId()), input.getSeverity(),
                input.getRecognizedAsWorkInjury(), input.getDaysLost(), input.getDescription());
        injury.persist();
        audit.record("DutyInjury", injury.id, "RECORDED", team.province, List.of("occurredOn",
                input.getMobilizationOrderId() != null ? "mobilizationOrderId" : "drillId", "severity", "recognizedAsWorkInjury",
                "daysLost", "description"));
        return injury;
    }

    public PanacheQuery<DutyInjury> injuries(UUID memberId, PageRequest page) {
        Member member = members.get(memberId);
        return DutyInjury.<DutyInjury>find("memberId", page.sort(), member.id).page(page.panachePage());
    }

    private static void validate(InsurancePolicy.Terms terms) {
        if (terms.validTo().isBefore(terms.validFrom())) {
            throw ProblemException.invalid("validTo", Text.of("must not be before validFrom"));
        }
        if (terms.policyNumber().isBlank()) {
            throw ProblemException.invalid("policyNumber", Text.of("must not be blank"));
        }
    }

    static Sort policySort() {
        return Sort.by("validTo", Sort.Direction.Descending);
    }

    static Sort injurySort() {
        return Sort.by("occurredOn", Sort.Direction.Descending);
    }
}
