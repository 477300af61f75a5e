package cn.rescueforce.teams.agreement;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Provinces;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.ServiceAgreementInput;
import cn.rescueforce.teams.certificate.CertificateService;
import cn.rescueforce.teams.security.Scope;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamService;
import cn.rescueforce.teams.unit.CreditCode;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * Rescue service agreements. An agreement is the team's business (its scope records and reads it) and also
 * the business of the enterprise's province, whose departments must know who covers their small enterprises.
 */
@ApplicationScoped
public class ServiceAgreementService {

    static final Map<String, String> SORTABLE = Map.of("endsOn", "endsOn", "startsOn", "startsOn", "enterpriseName", "enterpriseName");

    @Inject
    TeamService teams;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    public record Filter(UUID teamId, String enterpriseProvince, Integer expiringWithinDays) {
    }

    @Transactional
    public ServiceAgreement record(ServiceAgreementInput input) {
        Team team = teams.editable(input.getTeamId(), Text.of("record service agreements"));
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
        agreement.createdAt = Instant.now();
        agreement.updatedAt = agreement.createdAt;
        agreement.persist();
        audit.record("ServiceAgreement", agreement.id, "RECORDED", team.province, List.of("enterpriseName",
                "enterpriseCreditCode", "enterpriseProvince", "teamId", "coverage", "startsOn", "endsOn"));
        return agreement;
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
                .equal("enterpriseProvince", filter.enterpriseProvince());
        if (filter.expiringWithinDays() != null) {
            where.atLeast("endsOn", today).atMost("endsOn", today.plusDays(filter.expiringWithinDays()));
        }
        return ServiceAgreement.<ServiceAgreement>find(where.query(), page.sort(), where.parameters()).page(page.panachePage());
    }

    /** The names of the agreements' teams, by team id. */
    public Map<UUID, String> teamNames(Collection<ServiceAgreement> agreements) {
        return teams.names(agreements.stream().map(a -> a.teamId).collect(Collectors.toSet()));
    }

    static Sort defaultSort() {
        return Sort.by("endsOn");
    }
}
