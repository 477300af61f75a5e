package cn.rescueforce.teams.agreement;

import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.TeamCategory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees a service agreement, and its days left, on an agreement in memory. */
class ServiceAgreementRulesTest {

    static final UUID UNIT = UUID.randomUUID();

    /** A Sichuan team's agreement with an enterprise of {@code enterpriseProvince}. */
    static ServiceAgreement agreement(TeamCategory category, String enterpriseProvince) {
        ServiceAgreement agreement = new ServiceAgreement();
        agreement.province = "510000";
        agreement.category = category;
        agreement.supportingUnitId = UNIT;
        agreement.enterpriseProvince = enterpriseProvince;
        agreement.endsOn = LocalDate.of(2026, 12, 31);
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
}
