package cn.rescueforce.teams.agreement;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentCreation;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.ServiceAgreementsApi;
import cn.rescueforce.teams.api.model.ServiceAgreementInput;
import cn.rescueforce.teams.api.model.ServiceAgreementPage;
import cn.rescueforce.teams.certificate.CertificateService;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@Authenticated
public class ServiceAgreementResource implements ServiceAgreementsApi {

    @Inject
    ServiceAgreementService service;

    @Inject
    TeamRepository teams;

    @Inject
    IdempotentCreation idempotency;

    @Override
    public Response createServiceAgreement(ServiceAgreementInput input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, input, () -> {
            ServiceAgreement agreement = service.record(input);
            return ETags.created(URI.create("/api/v1/service-agreements/" + agreement.id), toApi(agreement, teamName(agreement)),
                    agreement.version);
        });
    }

    @Override
    public Response getServiceAgreement(UUID agreementId, String ifNoneMatch) {
        ServiceAgreement agreement = service.get(agreementId);
        return ETags.read(ifNoneMatch, agreement.version, () -> toApi(agreement, teamName(agreement)));
    }

    @Override
    public Response listServiceAgreements(Integer page, Integer size, String sort, UUID teamId, String enterpriseProvince,
                                          Integer expiringWithinDays) {
        PageRequest request = PageRequest.of(page, size, sort, ServiceAgreementService.SORTABLE, ServiceAgreementService.defaultSort());
        PanacheQuery<ServiceAgreement> found = service.list(new ServiceAgreementService.Filter(teamId, enterpriseProvince, expiringWithinDays), request);
        List<ServiceAgreement> agreements = found.list();
        Map<UUID, String> names = agreements.isEmpty() ? Map.of()
                : teams.<Team>list("id in ?1", agreements.stream().map(a -> a.teamId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t.name));
        return Response.ok(new ServiceAgreementPage(agreements.stream().map(a -> toApi(a, names.get(a.teamId))).toList(),
                request.page(), request.size(), found.count())).build();
    }

    private String teamName(ServiceAgreement agreement) {
        Team team = teams.findById(agreement.teamId);
        return team == null ? null : team.name;
    }

    static cn.rescueforce.teams.api.model.ServiceAgreement toApi(ServiceAgreement agreement, String teamName) {
        LocalDate today = CertificateService.today();
        return new cn.rescueforce.teams.api.model.ServiceAgreement()
                .id(agreement.id)
                .enterpriseName(agreement.enterpriseName)
                .enterpriseCreditCode(agreement.enterpriseCreditCode)
                .enterpriseProvince(agreement.enterpriseProvince)
                .teamId(agreement.teamId)
                .teamName(teamName)
                .teamProvince(agreement.province)
                .coverage(agreement.coverage)
                .startsOn(agreement.startsOn)
                .endsOn(agreement.endsOn)
                .daysLeft(agreement.endsOn.isBefore(today) ? null : (int) ChronoUnit.DAYS.between(today, agreement.endsOn))
                .createdAt(agreement.createdAt.atOffset(ZoneOffset.UTC))
                .version(agreement.version);
    }
}
