package cn.rescueforce.teams.certificate;

import cn.rescueforce.teams.api.model.CertificateState;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A certificate's state on a given day: valid, due for renewal within 60 days, or expired after its last day. */
class CertificateStateTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static Certificate expiringOn(LocalDate expiresOn) {
        Certificate certificate = new Certificate();
        certificate.expiresOn = expiresOn;
        return certificate;
    }

    @Test
    void aCertificateWithoutExpiryStaysValid() {
        assertEquals(CertificateState.VALID, expiringOn(null).state(TODAY));
        assertFalse(expiringOn(null).hasExpired(TODAY));
    }

    @Test
    void theRenewalWindowIsSixtyDaysUpToTheLastDay() {
        assertEquals(CertificateState.VALID, expiringOn(TODAY.plusDays(61)).state(TODAY));
        assertEquals(CertificateState.EXPIRING, expiringOn(TODAY.plusDays(60)).state(TODAY));
        assertEquals(CertificateState.EXPIRING, expiringOn(TODAY).state(TODAY));
        assertFalse(expiringOn(TODAY).hasExpired(TODAY));
    }

    @Test
    void aCertificateExpiresTheDayAfterItsLastDay() {
        assertEquals(CertificateState.EXPIRED, expiringOn(TODAY.minusDays(1)).state(TODAY));
        assertTrue(expiringOn(TODAY.minusDays(1)).hasExpired(TODAY));
    }
}
