package cn.rescueforce.teams.certificate;

import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.CertificatesApi;
import cn.rescueforce.teams.api.model.CertificateInput;
import cn.rescueforce.teams.api.model.CertificatePage;
import cn.rescueforce.teams.api.model.ExpiringCertificatePage;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class CertificateResource implements CertificatesApi {

    @Inject
    CertificateService service;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response addCertificate(UUID memberId, CertificateInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            Certificate certificate = service.add(memberId, input);
            return Response.created(URI.create("/api/v1/members/" + memberId + "/certificates/" + certificate.id))
                    .entity(CertificateMapper.toApi(certificate, CertificateService.today())).build();
        });
    }

    @Override
    public Response listCertificates(UUID memberId, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("issuedOn", Sort.Direction.Descending));
        PanacheQuery<Certificate> found = service.ofMember(memberId, request);
        LocalDate today = CertificateService.today();
        return Response.ok(new CertificatePage(found.list().stream().map(c -> CertificateMapper.toApi(c, today)).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response listExpiringCertificates(Integer page, Integer size, Integer withinDays, UUID teamId, String province) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("expiresOn"));
        int days = withinDays == null ? Certificate.RENEWAL_WINDOW_DAYS : withinDays;
        CertificateService.Page<CertificateService.Expiring> found = service.expiring(days, teamId, province, request);
        LocalDate today = CertificateService.today();
        return Response.ok(new ExpiringCertificatePage(found.items().stream().map(e -> CertificateMapper.toApi(e, today)).toList(),
                request.page(), request.size(), found.total())).build();
    }
}
