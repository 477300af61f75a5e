package cn.rescueforce.equipment.callup;

import cn.rescueforce.equipment.api.model.CallUpStatus;
import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The call-up's own transitions, without a database: REQUESTED → APPROVED → DISPATCHED → CLOSED, or REJECTED / CANCELLED. */
class CallUpTransitionsTest {

    static final Instant AT = Instant.parse("2026-07-01T08:00:00Z");
    static final UUID DEPOT = UUID.randomUUID();
    static final UUID OXYGEN = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID PUMPS = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final TeamRef TEAM = new TeamRef(UUID.randomUUID(), "四川省矿山救护总队", TeamCategory.MINING, "510000", UUID.randomUUID());
    static final Caller REQUESTER = new Caller("unit-requester", ManagementLevel.UNIT, null, TEAM.supportingUnitId());

    static CallUp requested() {
        return CallUp.request(DEPOT, Set.of(OXYGEN, PUMPS), TEAM, null, "  透水事故抢险 ",
                List.of(new CallUp.Line(OXYGEN, 20), new CallUp.Line(PUMPS, 2)), REQUESTER, AT);
    }

    @Test
    void aRequestKeepsTheTeamsScopeFactsAndWhoAskedFor() {
        CallUp callUp = requested();
        assertEquals(CallUpStatus.REQUESTED, callUp.status);
        assertEquals("510000", callUp.teamProvince);
        assertTrue(callUp.teamMining);
        assertEquals(TEAM.supportingUnitId(), callUp.teamUnitId);
        assertEquals("透水事故抢险", callUp.purpose);
        assertEquals("unit-requester", callUp.requestedBy);
        assertEquals(ManagementLevel.UNIT, callUp.requestedByLevel);
        assertEquals(AT, callUp.requestedAt);
    }

    @Test
    void aRequestNamesEachStockLineOfTheDepotOnce() {
        UUID elsewhere = UUID.randomUUID();
        ProblemException problem = assertThrows(ProblemException.class, () -> CallUp.request(DEPOT, Set.of(OXYGEN), TEAM, null, "演练",
                List.of(new CallUp.Line(OXYGEN, 1), new CallUp.Line(elsewhere, 1), new CallUp.Line(OXYGEN, 2)), REQUESTER, AT));
        assertEquals(400, problem.status());
        assertEquals(List.of("lines[1].stockLineId", "lines[2].stockLineId"), fields(problem));
        assertEquals("not a stock line of depot " + DEPOT, problem.errors().get(0).message().english());
        assertEquals("the stock line is listed twice", problem.errors().get(1).message().english());
    }

    @Test
    void theWholePathEndsClosedWithWhatCameBackAndWhatWasConsumed() {
        CallUp callUp = requested();
        callUp.approve("provincial-510000", AT.plusSeconds(60));
        assertEquals(CallUpStatus.APPROVED, callUp.status);
        assertEquals("provincial-510000", callUp.decidedBy);
        assertTrue(callUp.holdsReservation());
        callUp.dispatch(AT.plusSeconds(120));
        assertEquals(CallUpStatus.DISPATCHED, callUp.status);
        assertFalse(callUp.holdsReservation());
        callUp.close(List.of(new CallUp.Return(OXYGEN, 6)), AT.plusSeconds(180));
        assertEquals(CallUpStatus.CLOSED, callUp.status);
        assertEquals(AT.plusSeconds(180), callUp.closedAt);
        CallUp.Line oxygen = callUp.lines.get(0);
        assertEquals(6, oxygen.returnedQuantity);
        assertEquals(14, oxygen.consumedQuantity());
        CallUp.Line pumps = callUp.lines.get(1);
        assertEquals(0, pumps.returnedQuantity, "a line the closure does not name came back empty");
        assertEquals(2, pumps.consumedQuantity());
    }

    @Test
    void linesAreMovedInTheOrderOfTheirStockLines() {
        assertEquals(List.of(PUMPS, OXYGEN), requested().linesInStockOrder().stream().map(line -> line.stockLineId).toList());
    }

    @Test
    void aClosureReturnsAtMostWhatWasDispatchedOfItsOwnLinesOnce() {
        CallUp callUp = requested();
        callUp.approve("owner", AT);
        callUp.dispatch(AT);
        ProblemException problem = assertThrows(ProblemException.class, () -> callUp.close(List.of(
                new CallUp.Return(UUID.randomUUID(), 1),
                new CallUp.Return(OXYGEN, 21),
                new CallUp.Return(PUMPS, 1),
                new CallUp.Return(PUMPS, 1)), AT));
        assertEquals(400, problem.status());
        assertEquals(List.of("lines[0].stockLineId", "lines[1].returnedQuantity", "lines[3].stockLineId"), fields(problem));
        assertEquals("at most the 20 dispatched", problem.errors().get(1).message().english());
        assertEquals(CallUpStatus.DISPATCHED, callUp.status, "a refused closure changes nothing");
        assertNull(callUp.lines.get(0).returnedQuantity);
        assertNull(callUp.lines.get(0).consumedQuantity());
    }

    @Test
    void aRejectionSaysWhyAndEndsTheRequest() {
        CallUp callUp = requested();
        callUp.reject("national", " 库存优先保障重大事故 ", AT);
        assertEquals(CallUpStatus.REJECTED, callUp.status);
        assertEquals("库存优先保障重大事故", callUp.reason);
        assertEquals(AT, callUp.rejectedAt);
        invalidTransition(() -> callUp.approve("national", AT), "Only a REQUESTED call-up can be approved; this one is REJECTED");
        invalidTransition(() -> callUp.cancel("撤销", AT), "Only a REQUESTED or APPROVED call-up can be cancelled; this one is REJECTED");
    }

    @Test
    void aRequestedOrApprovedCallUpCanBeCancelled() {
        CallUp requested = requested();
        requested.cancel("险情已排除", AT);
        assertEquals(CallUpStatus.CANCELLED, requested.status);
        assertEquals("险情已排除", requested.reason);

        CallUp approved = requested();
        approved.approve("owner", AT);
        assertTrue(approved.holdsReservation());
        approved.cancel("险情已排除", AT);
        assertEquals(CallUpStatus.CANCELLED, approved.status);
        assertFalse(approved.holdsReservation());
        invalidTransition(() -> approved.cancel("再次撤销", AT), "Only a REQUESTED or APPROVED call-up can be cancelled; this one is CANCELLED");
    }

    @Test
    void eachTransitionStartsFromItsOwnStatusOnly() {
        CallUp callUp = requested();
        invalidTransition(() -> callUp.dispatch(AT), "Only a APPROVED call-up can be dispatched; this one is REQUESTED");
        invalidTransition(() -> callUp.close(List.of(), AT), "Only a DISPATCHED call-up can be closed; this one is REQUESTED");
        callUp.approve("owner", AT);
        invalidTransition(() -> callUp.approve("owner", AT), "Only a REQUESTED call-up can be approved; this one is APPROVED");
        invalidTransition(() -> callUp.reject("owner", "不需要", AT), "Only a REQUESTED call-up can be rejected; this one is APPROVED");
        invalidTransition(() -> callUp.close(List.of(), AT), "Only a DISPATCHED call-up can be closed; this one is APPROVED");
        callUp.dispatch(AT);
        invalidTransition(() -> callUp.cancel("撤销", AT), "Only a REQUESTED or APPROVED call-up can be cancelled; this one is DISPATCHED");
        invalidTransition(() -> callUp.dispatch(AT), "Only a APPROVED call-up can be dispatched; this one is DISPATCHED");
        callUp.close(List.of(), AT);
        invalidTransition(() -> callUp.close(List.of(), AT), "Only a DISPATCHED call-up can be closed; this one is CLOSED");
        assertEquals(CallUpStatus.CLOSED, callUp.status);
    }

    static void invalidTransition(Executable transition, String detail) {
        ProblemException problem = assertThrows(ProblemException.class, transition);
        assertEquals(409, problem.status());
        assertEquals(Problem.TYPE_BASE + "invalid-transition", problem.type());
        assertEquals(detail, problem.getMessage());
    }

    static List<String> fields(ProblemException problem) {
        return problem.errors().stream().map(Problem.FieldError::field).toList();
    }
}
