package cn.rescueforce.teams.member;

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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A member's changes and training hours, on a member in memory. */
class MemberRulesTest {

    static Member rescuer() {
        return Member.join(UUID.randomUUID(), " 李明 ", MemberRole.RESCUER, TalentType.SKILLED_CRAFT, "11010519491231002X",
                "13800000000", LocalDate.of(2020, 5, 1), null);
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
                MemberStatus.ACTIVE, null)));
        assertEquals(List.of("role", "status"), member.change(new Member.Changes(MemberRole.SQUAD_LEADER, TalentType.SKILLED_CRAFT,
                "13800000000", MemberStatus.LEFT, null)));
        assertEquals(MemberRole.SQUAD_LEADER, member.role);
        assertEquals(MemberStatus.LEFT, member.status);
        assertEquals(List.of("trainingHours"), member.change(new Member.Changes(MemberRole.SQUAD_LEADER, TalentType.SKILLED_CRAFT,
                "13800000000", MemberStatus.LEFT, 40)));
    }

    @Test
    void onlyAChangeAwayFromLeftBringsAMemberBack() {
        Member member = rescuer();
        Member.Changes active = new Member.Changes(MemberRole.RESCUER, TalentType.SKILLED_CRAFT, null, MemberStatus.ACTIVE, null);
        Member.Changes left = new Member.Changes(MemberRole.RESCUER, TalentType.SKILLED_CRAFT, null, MemberStatus.LEFT, null);
        assertFalse(member.returnsWith(active));
        member.change(left);
        assertTrue(member.returnsWith(active));
        assertFalse(member.returnsWith(left));
    }

    @Test
    void trainingAddsToTheHoursOfAServingMemberOnly() {
        Member member = rescuer();
        member.addTrainingHours(8, Instant.parse("2026-03-02T08:00:00Z"));
        member.addTrainingHours(4, Instant.parse("2026-03-03T08:00:00Z"));
        assertEquals(12, member.trainingHours);
        member.change(new Member.Changes(MemberRole.RESCUER, TalentType.SKILLED_CRAFT, null, MemberStatus.LEFT, null));
        ProblemException problem = assertThrows(ProblemException.class, () -> member.addTrainingHours(8, Instant.now()));
        assertEquals(409, problem.status());
        assertEquals(12, member.trainingHours);
    }
}
