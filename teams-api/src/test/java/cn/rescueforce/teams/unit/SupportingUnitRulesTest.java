package cn.rescueforce.teams.unit;

import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who sees a supporting unit, and what an update changes, on a unit in memory. */
class SupportingUnitRulesTest {

    static SupportingUnit sichuanUnit() {
        return SupportingUnit.register(new SupportingUnit.Details(" 四川芙蓉集团实业有限责任公司 ", "91310110666007217T", "510000",
                "宜宾市珙县", "王建国", "0831-4561119"));
    }

    static boolean sees(Caller caller, SupportingUnit unit) {
        return unit.isCoveredBy(caller.teamScope());
    }

    @Test
    void aUnitIsSeenByItsProvinceItsMineSafetyBureauItselfAndNational() {
        SupportingUnit unit = sichuanUnit();
        assertTrue(sees(new Caller("n", ManagementLevel.NATIONAL, null, null), unit));
        assertTrue(sees(new Caller("s", ManagementLevel.SERVICE, null, null), unit));
        assertTrue(sees(new Caller("p", ManagementLevel.PROVINCIAL, "510000", null), unit));
        assertTrue(sees(new Caller("m", ManagementLevel.MINE_SAFETY, "510000", null), unit), "any unit may host a mining team");
        assertTrue(sees(new Caller("u", ManagementLevel.UNIT, null, unit.id), unit));
    }

    @Test
    void aUnitIsNotSeenByAnotherProvinceAnotherUnitOrAnAssessor() {
        SupportingUnit unit = sichuanUnit();
        assertFalse(sees(new Caller("p", ManagementLevel.PROVINCIAL, "140000", null), unit));
        assertFalse(sees(new Caller("m", ManagementLevel.MINE_SAFETY, "140000", null), unit));
        assertFalse(sees(new Caller("u", ManagementLevel.UNIT, null, UUID.randomUUID()), unit));
        assertFalse(sees(new Caller("a", ManagementLevel.ASSESSOR, null, unit.id), unit));
    }

    @Test
    void anUpdateNamesTheFieldsThatDiffer() {
        SupportingUnit unit = sichuanUnit();
        assertEquals("四川芙蓉集团实业有限责任公司", unit.name);
        assertEquals(List.of(), unit.update(new SupportingUnit.Details("四川芙蓉集团实业有限责任公司", "91310110666007217T", "510000",
                "宜宾市珙县", "王建国", "0831-4561119")));
        assertEquals(List.of("address", "contactPhone"), unit.update(new SupportingUnit.Details("四川芙蓉集团实业有限责任公司",
                "91310110666007217T", "510000", "宜宾市珙县巡场镇", "王建国", "0831-4561120")));
        assertEquals("宜宾市珙县巡场镇", unit.address);
    }
}
