package cn.rescueforce.teams.agreement;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Provinces;
import cn.rescueforce.kit.security.TeamColumns;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.AgreementRenewal;
import cn.rescueforce.teams.api.model.AgreementStatus;
import cn.rescueforce.teams.api.model.GeoPoint;
import cn.rescueforce.teams.api.model.ServiceAgreementInput;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.certificate.CertificateService;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamService;
import cn.rescueforce.teams.unit.CreditCode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Rescue service agreements. An agreement is the team's business (its scope records, renews and reads it) and also
 * the business of the enterprise's province, whose departments must know who covers their small enterprises: they
 * read it and may terminate it, as the team's levels may.
 */
@ApplicationScoped
public class ServiceAgreementService {

    static final Map<String, String> SORTABLE = Map.of("endsOn", "endsOn", "startsOn", "startsOn", "enterpriseName", "enterpriseName");
    /** The days ahead an active agreement counts as due for renewal when the caller does not say. */
    static final int DEFAULT_RENEWAL_WINDOW_DAYS = 60;
    /** The enterprise's side of an agreement, for a query aliasing the agreement {@code a}. */
    private static final TeamColumns ENTERPRISE_AS_TEAM_OF_A = TeamColumns.withCategory("a.enterpriseProvince", "a.category",
            TeamCategory.MINING, "a.supportingUnitId");

    @Inject
    TeamService teams;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    @Inject
    AgreementSettings settings;

    @Inject
    EntityManager em;

    public record Filter(UUID teamId, String enterpriseProvince, Integer expiringWithinDays, AgreementStatus status,
                         Boolean beyondDistanceLimit) {
    }

    /** One page of a hand-written query, with the total. */
    public record Found(List<ServiceAgreement> items, long total) {
    }

    @Transactional
    public ServiceAgreement record(ServiceAgreementInput input) {
        Team team = teams.editableLocked(input.getTeamId(), Text.of("record service agreements"));
        List<Problem.FieldError> errors = new ArrayList<>();
        Text creditCodeProblem = CreditCode.problemWith(input.getEnterpriseCreditCode());
        if (creditCodeProblem != null) {
            errors.add(new Problem.FieldError("enterpriseCreditCode", creditCodeProblem));
        }
        if (!Provinces.isKnown(input.getEnterpriseProvince())) {
            errors.add(new Problem.FieldError("enterpriseProvince", Text.of("unknown province code {0}", input.getEnterpriseProvince())));
        }
        if (!input.getEndsOn().isAfter(input.getStartsOn())) {
            errors.add(new Problem.FieldError("endsOn", Text.of("must be after startsOn")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        assertNoOverlap(input.getEnterpriseCreditCode(), team.id, input.getStartsOn(), input.getEndsOn());
        ServiceAgreement agreement = new ServiceAgreement();
        agreement.id = UUID.randomUUID();
        agreement.enterpriseName = input.getEnterpriseName().trim();
        agreement.enterpriseCreditCode = input.getEnterpriseCreditCode();
        agreement.enterpriseProvince = input.getEnterpriseProvince();
        agreement.teamId = team.id;
        agreement.province = team.province;
        agreement.category = team.category;
        agreement.supportingUnitId = team.supportingUnitId;
        agreement.coverage = input.getCoverage().trim();
        agreement.startsOn = input.getStartsOn();
        agreement.endsOn = input.getEndsOn();
        agreement.start(CertificateService.today());
        GeoPoint location = input.getEnterpriseLocation();
        agreement.locate(location == null ? null : location.getLat(), location == null ? null : location.getLon(),
                team.baseLat, team.baseLon, settings.maxDistanceKm());
        agreement.createdAt = Instant.now();
        agreement.updatedAt = agreement.createdAt;
        agreement.persist();
        List<String> fields = new ArrayList<>(List.of("enterpriseName", "enterpriseCreditCode", "enterpriseProvince", "teamId",
                "coverage", "startsOn", "endsOn", "status"));
        if (location != null) {
            fields.add("enterpriseLocation");
        }
        audit.record("ServiceAgreement", agreement.id, "RECORDED", team.province, fields);
        return agreement;
    }

    /** Either party's levels (the team editors whose scope covers the agreement, on the team's or the enterprise's side). */
    @Transactional
    public ServiceAgreement terminate(UUID id, String ifMatch, String reason) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("terminate service agreements"));
        ServiceAgreement agreement = get(id);
        if (ifMatch != null) {
            ETags.requireMatch(ifMatch, agreement.version);
        }
        agreement.terminate(reason, scope.caller(), CertificateService.today(), Instant.now());
        em.flush();
        audit.record("ServiceAgreement", agreement.id, "TERMINATED", agreement.province,
                List.of("status", "terminationReason", "terminatedAt", "terminatedByLevel"));
        return agreement;
    }

    /** The next term, by the team's levels; the team is locked so that a renewal and a new agreement cannot both overlap. */
    @Transactional
    public ServiceAgreement renew(UUID id, AgreementRenewal renewal) {
        ServiceAgreement previous = get(id);
        Team team = teams.editableLocked(previous.teamId, Text.of("renew service agreements"));
        previous.assertRenewable();
        ServiceAgreement existing = ServiceAgreement.find("previousAgreementId", previous.id).firstResult();
        if (existing != null) {
            throw ServiceAgreement.alreadyRenewed(existing.id);
        }
        LocalDate earliest = previous.endsOn.plusDays(1);
        LocalDate startsOn = renewal.getStartsOn() == null ? earliest : renewal.getStartsOn();
        if (startsOn.isBefore(earliest)) {
            throw ProblemException.invalid("startsOn", Text.of("must not be before {0}, the day after the renewed term ends", earliest));
        }
        if (!renewal.getEndsOn().isAfter(startsOn)) {
            throw ProblemException.invalid("endsOn", Text.of("must be after the new term's start {0}", startsOn));
        }
        assertNoOverlap(previous.enterpriseCreditCode, team.id, startsOn, renewal.getEndsOn());
        ServiceAgreement next = new ServiceAgreement();
        next.id = UUID.randomUUID();
        next.previousAgreementId = previous.id;
        next.enterpriseName = previous.enterpriseName;
        next.enterpriseCreditCode = previous.enterpriseCreditCode;
        next.enterpriseProvince = previous.enterpriseProvince;
        next.teamId = team.id;
        next.province = team.province;
        next.category = team.category;
        next.supportingUnitId = team.supportingUnitId;
        next.coverage = renewal.getCoverage() == null ? previous.coverage : renewal.getCoverage().trim();
        next.startsOn = startsOn;
        next.endsOn = renewal.getEndsOn();
        next.start(CertificateService.today());
        next.locate(previous.enterpriseLat, previous.enterpriseLon, team.baseLat, team.baseLon, settings.maxDistanceKm());
        next.createdAt = Instant.now();
        next.updatedAt = next.createdAt;
        next.persist();
        audit.record("ServiceAgreement", next.id, "RENEWED", team.province, List.of("previousAgreementId", "enterpriseName",
                "enterpriseCreditCode", "enterpriseProvince", "teamId", "coverage", "startsOn", "endsOn", "status"));
        return next;
    }

    /**
     * One active agreement of an enterprise with a team at a time: another ACTIVE one sharing a day with the period is
     * a 409 (the team's row is locked by the caller, so two concurrent records cannot both pass).
     */
    private void assertNoOverlap(String creditCode, UUID teamId, LocalDate from, LocalDate to) {
        ServiceAgreement.<ServiceAgreement>list("enterpriseCreditCode = ?1 and teamId = ?2 and status = ?3", creditCode, teamId,
                        AgreementStatus.ACTIVE).stream()
                .filter(a -> a.overlaps(from, to)).findFirst()
                .ifPresent(a -> {
                    throw ServiceAgreement.overlapping(a);
                });
    }

    public ServiceAgreement get(UUID id) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read service agreements"));
        ServiceAgreement agreement = ServiceAgreement.findById(id);
        if (agreement == null || !agreement.isCoveredBy(scope.caller().teamScope())) {
            throw ProblemException.notFound(Text.of("service agreement"), id);
        }
        return agreement;
    }

    public PanacheQuery<ServiceAgreement> list(Filter filter, PageRequest page) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("list service agreements"));
        LocalDate today = CertificateService.today();
        TeamScope teamScope = scope.caller().teamScope();
        Where where = new Where()
                .anyOf(w -> scope.restrict(w, ""), w -> teamScope.restrict(w, ServiceAgreement.ENTERPRISE_AS_TEAM))
                .equal("teamId", filter.teamId())
                .equal("enterpriseProvince", filter.enterpriseProvince())
                .equal("beyondDistanceLimit", filter.beyondDistanceLimit());
        if (filter.expiringWithinDays() != null) {
            where.equal("status", AgreementStatus.ACTIVE).atLeast("endsOn", today).atMost("endsOn", today.plusDays(filter.expiringWithinDays()));
        }
        if (filter.status() != null) {
            status(where, filter.status(), today);
        }
        return ServiceAgreement.<ServiceAgreement>find(where.query(), page.sort(), where.parameters()).page(page.panachePage());
    }

    /** The status as answered ({@link ServiceAgreement#status(LocalDate)}), as a condition. */
    private static void status(Where where, AgreementStatus status, LocalDate today) {
        String name = where.name();
        switch (status) {
            case ACTIVE -> where.equal("status", AgreementStatus.ACTIVE).atLeast("endsOn", today);
            case EXPIRED -> where.condition("(status = :" + name + "e or (status = :" + name + "a and endsOn < :" + name + "d))",
                    Map.of(name + "e", AgreementStatus.EXPIRED, name + "a", AgreementStatus.ACTIVE, name + "d", today));
            case TERMINATED -> where.equal("status", AgreementStatus.TERMINATED);
        }
    }

    /**
     * Agreements due for renewal: ACTIVE ones ending within {@code withinDays}, and those expired without a renewal
     * while the enterprise has no other ACTIVE agreement with the team — the enterprise is left without cover. Soonest
     * end first; scoped as the list.
     */
    public Found renewalsDue(String enterpriseProvince, Integer withinDays, int page, int size) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("list service agreements"));
        LocalDate today = CertificateService.today();
        int days = withinDays == null ? DEFAULT_RENEWAL_WINDOW_DAYS : withinDays;
        TeamScope teamScope = scope.caller().teamScope();
        Where where = new Where()
                .anyOf(w -> scope.restrict(w, "a."), w -> teamScope.restrict(w, ENTERPRISE_AS_TEAM_OF_A))
                .equal("a.enterpriseProvince", enterpriseProvince)
                .condition("((a.status = :active and a.endsOn >= :today and a.endsOn <= :until)"
                                + " or ((a.status = :expired or (a.status = :active and a.endsOn < :today))"
                                + " and not exists (select 1 from ServiceAgreement n where n.previousAgreementId = a.id)"
                                + " and not exists (select 1 from ServiceAgreement o where o.enterpriseCreditCode = a.enterpriseCreditCode"
                                + " and o.teamId = a.teamId and o.status = :active and o.endsOn >= :today)))",
                        Map.of("active", AgreementStatus.ACTIVE, "expired", AgreementStatus.EXPIRED, "today", today,
                                "until", today.plusDays(days)));
        TypedQuery<ServiceAgreement> items = em.createQuery("select a from ServiceAgreement a" + where.clause()
                + " order by a.endsOn, a.id", ServiceAgreement.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from ServiceAgreement a" + where.clause(), Long.class);
        where.parameterMap().forEach((name, value) -> {
            items.setParameter(name, value);
            count.setParameter(name, value);
        });
        return new Found(items.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult());
    }

    /** The enterprises a team covers: its ACTIVE agreements in force today, by enterprise name. */
    public Found coveredEnterprises(UUID teamId, int page, int size) {
        Team team = teams.get(teamId);
        LocalDate today = CertificateService.today();
        String condition = " from ServiceAgreement a where a.teamId = :team and a.status = :active and a.startsOn <= :today and a.endsOn >= :today";
        List<ServiceAgreement> items = em.createQuery("select a" + condition + " order by a.enterpriseName, a.id", ServiceAgreement.class)
                .setParameter("team", team.id).setParameter("active", AgreementStatus.ACTIVE).setParameter("today", today)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(a)" + condition, Long.class)
                .setParameter("team", team.id).setParameter("active", AgreementStatus.ACTIVE).setParameter("today", today)
                .getSingleResult();
        return new Found(items, total);
    }

    /** The names of the agreements' teams, by team id. */
    public Map<UUID, String> teamNames(Collection<ServiceAgreement> agreements) {
        return teams.names(agreements.stream().map(a -> a.teamId).collect(Collectors.toSet()));
    }

    /** The configured distance beyond which an agreement carries a warning. */
    public double maxDistanceKm() {
        return settings.maxDistanceKm();
    }

    static Sort defaultSort() {
        return Sort.by("endsOn");
    }
}
