package cn.rescueforce.teams.agreement;

import cn.rescueforce.teams.geo.GreatCircle;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.model.AgreementStatus;
import cn.rescueforce.teams.api.model.TeamCategory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees a service agreement, its days left, status, overlaps and distance, on an agreement in memory. */
class ServiceAgreementRulesTest {

    static final UUID UNIT = UUID.randomUUID();

    /** A Sichuan team's agreement with an enterprise of {@code enterpriseProvince}. */
    static ServiceAgreement agreement(TeamCategory category, String enterpriseProvince) {
        ServiceAgreement agreement = new ServiceAgreement();
        agreement.province = "510000";
        agreement.category = category;
        agreement.supportingUnitId = UNIT;
        agreement.enterpriseProvince = enterpriseProvince;
        agreement.startsOn = LocalDate.of(2024, 1, 1);
        agreement.endsOn = LocalDate.of(2026, 12, 31);
        agreement.status = AgreementStatus.ACTIVE;
        return agreement;
    }

    static boolean sees(Caller caller, ServiceAgreement agreement) {
        return agreement.isCoveredBy(caller.teamScope());
    }

    static Caller provincial(String region) {
        return new Caller("p", ManagementLevel.PROVINCIAL, region, null);
    }

    static Caller mineSafety(String region) {
        return new Caller("m", ManagementLevel.MINE_SAFETY, region, null);
    }

    @Test
    void theTeamsScopeSeesTheAgreement() {
        ServiceAgreement mining = agreement(TeamCategory.MINING, "500000");
        assertTrue(sees(new Caller("n", ManagementLevel.NATIONAL, null, null), mining));
        assertTrue(sees(provincial("510000"), mining));
        assertTrue(sees(mineSafety("510000"), mining));
        assertTrue(sees(new Caller("u", ManagementLevel.UNIT, null, UNIT), mining));
        assertFalse(sees(new Caller("u", ManagementLevel.UNIT, null, UUID.randomUUID()), mining));
        assertFalse(sees(mineSafety("510000"), agreement(TeamCategory.HAZARDOUS_CHEMICALS, "500000")));
    }

    @Test
    void theEnterprisesProvinceSeesTheAgreementsOfItsEnterprises() {
        assertTrue(sees(provincial("500000"), agreement(TeamCategory.HAZARDOUS_CHEMICALS, "500000")));
        assertTrue(sees(mineSafety("500000"), agreement(TeamCategory.MINING, "500000")));
        assertFalse(sees(mineSafety("500000"), agreement(TeamCategory.HAZARDOUS_CHEMICALS, "500000")), "a bureau: mining only");
        assertFalse(sees(provincial("140000"), agreement(TeamCategory.MINING, "500000")));
        assertFalse(sees(new Caller("a", ManagementLevel.ASSESSOR, null, UNIT), agreement(TeamCategory.MINING, "510000")));
    }

    @Test
    void daysLeftCountToTheLastDayAndVanishAfterIt() {
        ServiceAgreement agreement = agreement(TeamCategory.MINING, "510000");
        assertEquals(31, agreement.daysLeft(LocalDate.of(2026, 11, 30)));
        assertEquals(0, agreement.daysLeft(LocalDate.of(2026, 12, 31)));
        assertNull(agreement.daysLeft(LocalDate.of(2027, 1, 1)));
    }

    @Test
    void anActiveAgreementIsExpiredFromTheDayAfterItsEndAndTheRunRecordsItOnce() {
        ServiceAgreement agreement = agreement(TeamCategory.MINING, "510000");
        assertEquals(AgreementStatus.ACTIVE, agreement.status(LocalDate.of(2026, 12, 31)));
        assertEquals(AgreementStatus.EXPIRED, agreement.status(LocalDate.of(2027, 1, 1)));
        assertFalse(agreement.expire(LocalDate.of(2026, 12, 31), java.time.Instant.now()), "not before its end has passed");
        assertTrue(agreement.expire(LocalDate.of(2027, 1, 1), java.time.Instant.now()));
        assertEquals(AgreementStatus.EXPIRED, agreement.status);
        assertFalse(agreement.expire(LocalDate.of(2027, 1, 2), java.time.Instant.now()), "once");
    }

    @Test
    void onlyAnActiveAgreementIsTerminatedAndATerminatedOneIsNotRenewed() {
        ServiceAgreement agreement = agreement(TeamCategory.MINING, "510000");
        Caller unit = new Caller("u", ManagementLevel.UNIT, null, UNIT);
        agreement.terminate(" 企业关闭 ", unit, LocalDate.of(2026, 6, 1), java.time.Instant.now());
        assertEquals(AgreementStatus.TERMINATED, agreement.status(LocalDate.of(2027, 6, 1)));
        assertEquals("企业关闭", agreement.terminationReason);
        assertEquals(ManagementLevel.UNIT, agreement.terminatedByLevel);
        assertNull(agreement.daysLeft(LocalDate.of(2026, 6, 1)));
        ProblemException again = assertThrows(ProblemException.class,
                () -> agreement.terminate("再次", unit, LocalDate.of(2026, 6, 2), java.time.Instant.now()));
        assertEquals(409, again.status());
        assertThrows(ProblemException.class, agreement::assertRenewable);
        ServiceAgreement ended = agreement(TeamCategory.MINING, "510000");
        assertThrows(ProblemException.class, () -> ended.terminate("到期后", unit, LocalDate.of(2027, 1, 1), java.time.Instant.now()));
        ended.assertRenewable();
    }

    @Test
    void periodsOverlapWhenTheyShareADay() {
        ServiceAgreement agreement = agreement(TeamCategory.MINING, "510000");
        assertTrue(agreement.overlaps(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 12, 31)));
        assertTrue(agreement.overlaps(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 1, 1)));
        assertFalse(agreement.overlaps(LocalDate.of(2027, 1, 1), LocalDate.of(2029, 12, 31)));
        assertFalse(agreement.overlaps(LocalDate.of(2020, 1, 1), LocalDate.of(2023, 12, 31)));
    }

    @Test
    void aTeamFartherThanTheLimitIsAWarningAndNoLocationIsNone() {
        ServiceAgreement agreement = agreement(TeamCategory.MINING, "510000");
        // Chengdu to Chongqing: about 266 km as the crow flies
        agreement.locate(29.5630, 106.5516, 30.6586, 104.0648, 100);
        assertEquals(266, agreement.distanceKm, 3);
        assertTrue(agreement.beyondDistanceLimit);
        agreement.locate(29.5630, 106.5516, 30.6586, 104.0648, 300);
        assertFalse(agreement.beyondDistanceLimit);
        agreement.locate(null, null, 30.6586, 104.0648, 100);
        assertNull(agreement.distanceKm);
        assertFalse(agreement.beyondDistanceLimit);
        assertEquals(0.0, GreatCircle.km(30.0, 104.0, 30.0, 104.0), 1e-9);
        assertEquals(111.2, GreatCircle.rounded(GreatCircle.km(30.0, 104.0, 31.0, 104.0)), 0.1, "a degree of latitude");
    }
}
