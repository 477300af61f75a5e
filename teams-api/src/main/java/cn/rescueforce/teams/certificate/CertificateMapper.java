package cn.rescueforce.teams.certificate;

import cn.rescueforce.teams.api.model.ExpiringCertificate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Certificates between the entity and the API models; states and days left are as of {@code today}. */
public final class CertificateMapper {

    private CertificateMapper() {
    }

    public static cn.rescueforce.teams.api.model.Certificate toApi(Certificate certificate, LocalDate today) {
        return new cn.rescueforce.teams.api.model.Certificate()
                .id(certificate.id)
                .memberId(certificate.memberId)
                .name(certificate.name)
                .certificateNumber(certificate.certificateNumber)
                .issuer(certificate.issuer)
                .issuedOn(certificate.issuedOn)
                .expiresOn(certificate.expiresOn)
                .state(certificate.state(today))
                .createdAt(certificate.createdAt.atOffset(ZoneOffset.UTC));
    }

    public static ExpiringCertificate toApi(CertificateService.Expiring expiring, LocalDate today) {
        Certificate certificate = expiring.certificate();
        return new ExpiringCertificate()
                .certificateId(certificate.id)
                .name(certificate.name)
                .expiresOn(certificate.expiresOn)
                .daysLeft((int) ChronoUnit.DAYS.between(today, certificate.expiresOn))
                .memberId(expiring.member().id)
                .memberName(expiring.member().name)
                .teamId(expiring.team().id)
                .teamName(expiring.team().name)
                .province(expiring.team().province);
    }
}
