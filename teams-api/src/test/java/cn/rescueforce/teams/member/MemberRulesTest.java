package cn.rescueforce.teams.member;

import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.personaldata.PersonalDataKeys;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.model.MemberRole;
import cn.rescueforce.teams.api.model.MemberStatus;
import cn.rescueforce.teams.api.model.TalentType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A member's changes and training hours, on a member in memory. */
class MemberRulesTest {

    static Member rescuer() {
        return Member.join(UUID.randomUUID(), " 李明 ", MemberRole.RESCUER, TalentType.SKILLED_CRAFT, "11010519491231002X",
                "13800000000", LocalDate.of(2020, 5, 1), null, CIPHER);
    }

    /** Two keys of these tests only (2026-a current), not the service's: the entity's rules need no configuration. */
    static final String KEYS = "2026-a:O3QyWm2fLq6cQmYVJ4cN0X1y8xq7YkQ8k5y0mVbZr0s=,2026-b:qk0vQmJ8l4nY1pVh0c6wX3z9uE2rT5yA7sD1fG4hJ6k=";
    static final String HASH_KEY = "Zm9yLXRlc3RzLW9ubHktMzItYnl0ZXMtb2YtaGFzaCE=";
    static final PersonalDataCipher CIPHER = cipher("2026-a");

    static PersonalDataCipher cipher(String current) {
        return new PersonalDataCipher(PersonalDataKeys.parse(KEYS, current, HASH_KEY, false));
    }

    @Test
    void aJoiningMemberIsActiveWithNoTrainingYet() {
        Member member = rescuer();
        assertEquals("李明", member.name);
        assertEquals(MemberStatus.ACTIVE, member.status);
        assertEquals(0, member.trainingHours);
    }

    @Test
    void aChangeNamesTheFieldsThatDifferAndKeepsTheHoursWhenNoneAreGiven() {
        Member member = rescuer();
        assertEquals(List.of(), member.change(new Member.Changes(MemberRole.RESCUER, TalentType.SKILLED_CRAFT, "13800000000",
                MemberStatus.ACTIVE, null), CIPHER));
        assertEquals(List.of("role", "status"), member.change(new Member.Changes(MemberRole.SQUAD_LEADER, TalentType.SKILLED_CRAFT,
                "13800000000", MemberStatus.LEFT, null), CIPHER));
        assertEquals(MemberRole.SQUAD_LEADER, member.role);
        assertEquals(MemberStatus.LEFT, member.status);
        assertEquals(List.of("trainingHours"), member.change(new Member.Changes(MemberRole.SQUAD_LEADER, TalentType.SKILLED_CRAFT,
                "13800000000", MemberStatus.LEFT, 40), CIPHER));
    }

    @Test
    void onlyAChangeAwayFromLeftBringsAMemberBack() {
        Member member = rescuer();
        Member.Changes active = new Member.Changes(MemberRole.RESCUER, TalentType.SKILLED_CRAFT, null, MemberStatus.ACTIVE, null);
        Member.Changes left = new Member.Changes(MemberRole.RESCUER, TalentType.SKILLED_CRAFT, null, MemberStatus.LEFT, null);
        assertFalse(member.returnsWith(active));
        member.change(left, CIPHER);
        assertTrue(member.returnsWith(active));
        assertFalse(member.returnsWith(left));
    }

    @Test
    void trainingAddsToTheHoursOfAServingMemberOnly() {
        Member member = rescuer();
        member.addTrainingHours(8, Instant.parse("2026-03-02T08:00:00Z"));
        member.addTrainingHours(4, Instant.parse("2026-03-03T08:00:00Z"));
        assertEquals(12, member.trainingHours);
        member.change(new Member.Changes(MemberRole.RESCUER, TalentType.SKILLED_CRAFT, null, MemberStatus.LEFT, null), CIPHER);
        ProblemException problem = assertThrows(ProblemException.class, () -> member.addTrainingHours(8, Instant.now()));
        assertEquals(409, problem.status());
        assertEquals("https://rescue-force.cn/problems/member-left", problem.type());
        assertEquals(12, member.trainingHours);
    }

    @Test
    void theIdNumberAndPhoneAreHeldOnlyEncryptedWithTheHashOfTheIdNumber() {
        Member member = rescuer();
        assertNull(member.clearIdNumber);
        assertNull(member.clearPhone);
        assertTrue(member.idNumberEncrypted.startsWith("v1.2026-a."), member.idNumberEncrypted);
        assertTrue(member.phoneEncrypted.startsWith("v1.2026-a."), member.phoneEncrypted);
        assertFalse(member.idNumberEncrypted.contains("11010519491231002X"));
        assertEquals(Member.idNumberHash("11010519491231002X", CIPHER), member.idNumberHash);
        assertEquals("11010519491231002X", member.idNumber(CIPHER));
        assertEquals("13800000000", member.phone(CIPHER));
    }

    @Test
    void aNewPhoneIsEncryptedAndTheSamePhoneIsNoChange() {
        Member member = rescuer();
        String before = member.phoneEncrypted;
        assertEquals(List.of(), member.change(new Member.Changes(MemberRole.RESCUER, TalentType.SKILLED_CRAFT, "13800000000",
                MemberStatus.ACTIVE, null), CIPHER));
        assertEquals(before, member.phoneEncrypted);
        assertEquals(List.of("phone"), member.change(new Member.Changes(MemberRole.RESCUER, TalentType.SKILLED_CRAFT, "13900000000",
                MemberStatus.ACTIVE, null), CIPHER));
        assertEquals("13900000000", member.phone(CIPHER));
        assertTrue(member.phoneEncrypted.startsWith("v1.2026-a."));
    }

    @Test
    void protectionEncryptsClearValuesAndMovesFormerKeysToTheCurrentOne() {
        Member clear = rescuer();
        clear.idNumberEncrypted = null;
        clear.idNumberHash = null;
        clear.phoneEncrypted = null;
        clear.clearIdNumber = "11010519491231002X";
        clear.clearPhone = "13800000000";
        assertEquals(new Member.Protection(2, 0), clear.protectPersonalData(CIPHER));
        assertNull(clear.clearIdNumber);
        assertNull(clear.clearPhone);
        assertEquals(Member.idNumberHash("11010519491231002X", CIPHER), clear.idNumberHash);

        PersonalDataCipher rotated = cipher("2026-b");
        assertEquals(new Member.Protection(0, 2), clear.protectPersonalData(rotated));
        assertTrue(clear.idNumberEncrypted.startsWith("v1.2026-b.") && clear.phoneEncrypted.startsWith("v1.2026-b."));
        assertEquals("11010519491231002X", clear.idNumber(rotated));
        assertEquals("13800000000", clear.phone(rotated));
        assertEquals(new Member.Protection(0, 0), clear.protectPersonalData(rotated), "nothing left to do");
    }
}
