package cn.rescueforce.teams.certificate;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.teams.api.model.CertificateInput;
import cn.rescueforce.teams.api.model.MemberStatus;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.member.MemberService;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CertificateService {

    @Inject
    MemberService members;

    @Inject
    TeamService teamService;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    /** A certificate due for renewal, with the member and team it belongs to. */
    public record Expiring(Certificate certificate, Member member, Team team) {
    }

    @Transactional
    public Certificate add(UUID memberId, CertificateInput input) {
        Member member = members.get(memberId);
        Team team = teamService.editable(member.teamId, Text.of("record certificates"));
        if (input.getExpiresOn() != null && input.getExpiresOn().isBefore(input.getIssuedOn())) {
            throw ProblemException.invalid("expiresOn", Text.of("must not precede issuedOn"));
        }
        if (input.getIssuedOn().isAfter(today())) {
            throw ProblemException.invalid("issuedOn", Text.of("must not be in the future"));
        }
        Certificate certificate = new Certificate();
        certificate.id = UUID.randomUUID();
        certificate.memberId = member.id;
        certificate.name = input.getName().trim();
        certificate.certificateNumber = input.getCertificateNumber();
        certificate.issuer = input.getIssuer().trim();
        certificate.issuedOn = input.getIssuedOn();
        certificate.expiresOn = input.getExpiresOn();
        certificate.createdAt = Instant.now();
        certificate.persist();
        audit.record("Certificate", certificate.id, "RECORDED", team.province,
                List.of("name", "certificateNumber", "issuer", "issuedOn", "expiresOn"));
        return certificate;
    }

    public PanacheQuery<Certificate> ofMember(UUID memberId, PageRequest page) {
        Member member = members.get(memberId);
        return Certificate.<Certificate>find("memberId", Sort.by("issuedOn", Sort.Direction.Descending).and("id"), member.id)
                .page(page.panachePage());
    }

    /**
     * Certificates of active members expiring between today and {@code withinDays} from now, soonest first,
     * within the caller's scope, optionally for one team or one province.
     */
    public Page<Expiring> expiring(int withinDays, UUID teamId, String province, PageRequest page) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("list expiring certificates"));
        if (teamId != null) {
            teamService.get(teamId); // 404 when out of scope
        }
        Where where = new Where()
                .condition(true, "c.memberId = m.id")
                .condition(true, "m.teamId = t.id")
                .equal("m.status", MemberStatus.ACTIVE)
                .atLeast("c.expiresOn", today())
                .atMost("c.expiresOn", today().plusDays(withinDays));
        scope.restrict(where, "t.")
                .equal("t.id", teamId)
                .equal("t.province", province);
        String from = " from Certificate c, Member m, Team t" + where.clause();
        TypedQuery<Object[]> rows = em.createQuery("select c, m, t" + from + " order by c.expiresOn, c.id", Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(c)" + from, Long.class);
        where.parameterMap().forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Expiring> items = rows.setFirstResult(page.page() * page.size()).setMaxResults(page.size()).getResultList()
                .stream().map(row -> new Expiring((Certificate) row[0], (Member) row[1], (Team) row[2])).toList();
        return new Page<>(items, count.getSingleResult());
    }

    public record Page<T>(List<T> items, long total) {
    }

    public static LocalDate today() {
        return LocalDate.now(Clock.systemUTC());
    }
}
