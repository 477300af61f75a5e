package cn.rescueforce.teams.certificate;

import cn.rescueforce.teams.api.model.CertificateState;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member's certificate. One without {@code expiresOn} never expires; an expired one stays on record. */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {

    /** Certificates expiring within this many days are due for renewal. */
    public static final int RENEWAL_WINDOW_DAYS = 60;

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(nullable = false)
    public String name;

    @Column(name = "certificate_number")
    public String certificateNumber;

    @Column(nullable = false)
    public String issuer;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Valid, due for renewal within {@link #RENEWAL_WINDOW_DAYS}, or expired (the day after its last day). */
    public CertificateState state(LocalDate today) {
        if (expiresOn == null) {
            return CertificateState.VALID;
        }
        if (expiresOn.isBefore(today)) {
            return CertificateState.EXPIRED;
        }
        return expiresOn.isAfter(today.plusDays(RENEWAL_WINDOW_DAYS)) ? CertificateState.VALID : CertificateState.EXPIRING;
    }

    public boolean hasExpired(LocalDate today) {
        return state(today) == CertificateState.EXPIRED;
    }
}
