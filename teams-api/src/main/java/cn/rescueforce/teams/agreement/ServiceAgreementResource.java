package cn.rescueforce.teams.agreement;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.ServiceAgreementsApi;
import cn.rescueforce.teams.api.model.ServiceAgreementInput;
import cn.rescueforce.teams.api.model.ServiceAgreementPage;
import cn.rescueforce.teams.certificate.CertificateService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class ServiceAgreementResource implements ServiceAgreementsApi {

    @Inject
    ServiceAgreementService service;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response createServiceAgreement(ServiceAgreementInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            ServiceAgreement agreement = service.record(input);
            return ETags.created(URI.create("/api/v1/service-agreements/" + agreement.id), toApi(agreement),
                    agreement.version);
        });
    }

    @Override
    public Response getServiceAgreement(UUID agreementId, String ifNoneMatch) {
        ServiceAgreement agreement = service.get(agreementId);
        return ETags.read(ifNoneMatch, agreement.version, () -> toApi(agreement));
    }

    @Override
    public Response listServiceAgreements(Integer page, Integer size, String sort, UUID teamId, String enterpriseProvince,
                                          Integer expiringWithinDays) {
        PageRequest request = PageRequest.of(page, size, sort, ServiceAgreementService.SORTABLE, ServiceAgreementService.defaultSort());
        PanacheQuery<ServiceAgreement> found = service.list(new ServiceAgreementService.Filter(teamId, enterpriseProvince, expiringWithinDays), request);
        List<ServiceAgreement> agreements = found.list();
        Map<UUID, String> names = service.teamNames(agreements);
        LocalDate today = CertificateService.today();
        return Response.ok(new ServiceAgreementPage(agreements.stream()
                .map(a -> ServiceAgreementMapper.toApi(a, names.get(a.teamId), today)).toList(),
                request.page(), request.size(), found.count())).build();
    }

    private cn.rescueforce.teams.api.model.ServiceAgreement toApi(ServiceAgreement agreement) {
        return ServiceAgreementMapper.toApi(agreement, service.teamNames(List.of(agreement)).get(agreement.teamId),
                CertificateService.today());
    }
}
