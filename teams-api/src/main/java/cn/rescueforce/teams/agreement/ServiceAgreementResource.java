package cn.rescueforce.teams.agreement;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.ServiceAgreementsApi;
import cn.rescueforce.teams.api.model.AgreementRenewal;
import cn.rescueforce.teams.api.model.AgreementStatus;
import cn.rescueforce.teams.api.model.AgreementTermination;
import cn.rescueforce.teams.api.model.CoveredEnterprisePage;
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
                                          Integer expiringWithinDays, AgreementStatus status, Boolean beyondDistanceLimit) {
        PageRequest request = PageRequest.of(page, size, sort, ServiceAgreementService.SORTABLE, ServiceAgreementService.defaultSort());
        PanacheQuery<ServiceAgreement> found = service.list(new ServiceAgreementService.Filter(teamId, enterpriseProvince,
                expiringWithinDays, status, beyondDistanceLimit), request);
        return Response.ok(new ServiceAgreementPage(toApi(found.list()), request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response terminateServiceAgreement(UUID agreementId, AgreementTermination termination, String idempotencyKey,
                                              String ifMatch) {
        return idempotency.execute(idempotencyKey, termination, () -> {
            ServiceAgreement agreement = service.terminate(agreementId, ifMatch, termination.getReason());
            return ETags.ok(toApi(agreement), agreement.version);
        });
    }

    @Override
    public Response renewServiceAgreement(UUID agreementId, AgreementRenewal renewal, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, renewal, () -> {
            ServiceAgreement next = service.renew(agreementId, renewal);
            return ETags.created(URI.create("/api/v1/service-agreements/" + next.id), toApi(next), next.version);
        });
    }

    @Override
    public Response listAgreementRenewalsDue(Integer page, Integer size, String enterpriseProvince, Integer withinDays) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), ServiceAgreementService.defaultSort());
        ServiceAgreementService.Found found = service.renewalsDue(enterpriseProvince, withinDays, request.page(), request.size());
        return Response.ok(new ServiceAgreementPage(toApi(found.items()), request.page(), request.size(), found.total())).build();
    }

    @Override
    public Response listCoveredEnterprises(UUID teamId, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), ServiceAgreementService.defaultSort());
        ServiceAgreementService.Found found = service.coveredEnterprises(teamId, request.page(), request.size());
        return Response.ok(new CoveredEnterprisePage(found.items().stream().map(ServiceAgreementMapper::toCovered).toList(),
                request.page(), request.size(), found.total())).build();
    }

    private List<cn.rescueforce.teams.api.model.ServiceAgreement> toApi(List<ServiceAgreement> agreements) {
        Map<UUID, String> names = service.teamNames(agreements);
        LocalDate today = CertificateService.today();
        return agreements.stream().map(a -> ServiceAgreementMapper.toApi(a, names.get(a.teamId), today, service.maxDistanceKm())).toList();
    }

    private cn.rescueforce.teams.api.model.ServiceAgreement toApi(ServiceAgreement agreement) {
        return ServiceAgreementMapper.toApi(agreement, service.teamNames(List.of(agreement)).get(agreement.teamId),
                CertificateService.today(), service.maxDistanceKm());
    }
}
