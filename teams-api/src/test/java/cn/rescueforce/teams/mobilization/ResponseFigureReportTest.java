package cn.rescueforce.teams.mobilization;

import cn.rescueforce.teams.api.model.DurationFigures;
import cn.rescueforce.teams.api.model.ResponseFigureGroup;
import cn.rescueforce.teams.api.model.ResponseFigureGrouping;
import cn.rescueforce.teams.api.model.ResponseFigures;
import cn.rescueforce.teams.api.model.TeamCategory;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Percentiles and groups of response figures, over orders in memory. */
class ResponseFigureReportTest {

    static final Instant ALARM = Instant.parse("2026-03-02T08:00:00Z");
    static final OffsetDateTime FROM = OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final OffsetDateTime TO = FROM.plusMonths(1);
    static final UUID FURONG = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID JIANGYOU = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final Map<UUID, String> NAMES = Map.of(FURONG, "芙蓉队", JIANGYOU, "江油队");

    /** An order of {@code team} whose steps came the given seconds after the alarm (null: not yet). */
    static MobilizationOrder order(UUID team, String province, TeamCategory category, Integer acknowledged, Integer departed,
                                   Integer arrived) {
        MobilizationOrder order = new MobilizationOrder();
        order.id = UUID.randomUUID();
        order.teamId = team;
        order.province = province;
        order.category = category;
        order.alarmAt = ALARM;
        order.acknowledgedAt = acknowledged == null ? null : ALARM.plusSeconds(acknowledged);
        order.departedAt = departed == null ? null : ALARM.plusSeconds(departed);
        order.arrivedAt = arrived == null ? null : ALARM.plusSeconds(arrived);
        return order;
    }

    @Test
    void percentilesInterpolateBetweenTheClosestRanksAsPercentileContDoes() {
        assertEquals(7.0, ResponseFigureReport.percentile(new double[]{7}, 0.5));
        assertEquals(7.0, ResponseFigureReport.percentile(new double[]{7}, 0.9));
        assertEquals(2.5, ResponseFigureReport.percentile(new double[]{1, 2, 3, 4}, 0.5));
        assertEquals(3.7, ResponseFigureReport.percentile(new double[]{1, 2, 3, 4}, 0.9));
        assertEquals(55.0, ResponseFigureReport.percentile(new double[]{10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, 0.5));
        assertEquals(91.0, ResponseFigureReport.percentile(new double[]{10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, 0.9));
        assertEquals(30.0, ResponseFigureReport.percentile(new double[]{10, 30, 1000}, 0.5), "the median ignores an outlier");
    }

    @Test
    void percentilesAreGivenToATenthOfASecond() {
        assertEquals(1.3, ResponseFigureReport.percentile(new double[]{1.0, 1.5}, 0.5));
        assertEquals(0.1, ResponseFigureReport.percentile(new double[]{0.04, 0.16}, 0.5));
    }

    @Test
    void eachTeamsFiguresCountOnlyTheStepsTaken() {
        ResponseFigures figures = ResponseFigureReport.of(FROM, TO, ResponseFigureGrouping.TEAM, List.of(
                order(FURONG, "510000", TeamCategory.MINING, 20, 50, 1800),
                order(FURONG, "510000", TeamCategory.MINING, 40, 70, null),
                order(FURONG, "510000", TeamCategory.MINING, 30, null, null)), NAMES);
        assertEquals(FROM, figures.getFrom());
        assertEquals(ResponseFigureGrouping.TEAM, figures.getGroupBy());
        ResponseFigureGroup furong = figures.getGroups().get(0);
        assertEquals(FURONG.toString(), furong.getKey());
        assertEquals("芙蓉队", furong.getTeamName());
        assertEquals("510000", furong.getProvince());
        assertEquals(TeamCategory.MINING, furong.getCategory());
        assertEquals(3L, furong.getOrders());
        assertFigures(furong.getAcknowledge(), 3, 30.0, 38.0);
        assertFigures(furong.getDeparture(), 2, 60.0, 68.0);
        assertFigures(furong.getArrival(), 1, 1800.0, 1800.0);
    }

    @Test
    void aStepNoOrderTookHasACountOfZeroAndNoFigures() {
        ResponseFigures figures = ResponseFigureReport.of(FROM, TO, ResponseFigureGrouping.TEAM,
                List.of(order(FURONG, "510000", TeamCategory.MINING, 20, null, null)), NAMES);
        DurationFigures arrival = figures.getGroups().get(0).getArrival();
        assertEquals(0L, arrival.getCount());
        assertNull(arrival.getMedianSeconds());
        assertNull(arrival.getP90Seconds());
    }

    @Test
    void aDepartureLaterThanItsCategoryExpectsIsListed() {
        ResponseFigures figures = ResponseFigureReport.of(FROM, TO, ResponseFigureGrouping.PROVINCE, List.of(
                order(FURONG, "510000", TeamCategory.MINING, 10, 60, null),
                order(FURONG, "510000", TeamCategory.MINING, 10, 61, null),
                order(JIANGYOU, "510000", TeamCategory.HAZARDOUS_CHEMICALS, 10, 300, null),
                order(JIANGYOU, "510000", TeamCategory.HAZARDOUS_CHEMICALS, 10, 301, null)), NAMES);
        ResponseFigureGroup sichuan = figures.getGroups().get(0);
        assertEquals("510000", sichuan.getKey());
        assertNull(sichuan.getTeamName());
        assertEquals(List.of(61.0, 301.0), sichuan.getLateDepartures().stream().map(l -> l.getDepartureSeconds()).toList());
        assertEquals(List.of(60, 300), sichuan.getLateDepartures().stream().map(l -> l.getExpectedSeconds()).toList());
        assertEquals(List.of("芙蓉队", "江油队"), sichuan.getLateDepartures().stream().map(l -> l.getTeamName()).toList());
    }

    @Test
    void groupsComeInKeyOrder() {
        ResponseFigures figures = ResponseFigureReport.of(FROM, TO, ResponseFigureGrouping.CATEGORY, List.of(
                order(FURONG, "510000", TeamCategory.OIL_GAS, 10, null, null),
                order(JIANGYOU, "140000", TeamCategory.MINING, 10, null, null),
                order(FURONG, "510000", TeamCategory.HAZARDOUS_CHEMICALS, 10, null, null),
                order(JIANGYOU, "140000", TeamCategory.MINING, 10, null, null)), NAMES);
        assertEquals(List.of("HAZARDOUS_CHEMICALS", "MINING", "OIL_GAS"),
                figures.getGroups().stream().map(ResponseFigureGroup::getKey).toList());
        assertEquals(2L, figures.getGroups().get(1).getOrders());
        assertEquals(TeamCategory.MINING, figures.getGroups().get(1).getCategory());
        assertNull(figures.getGroups().get(1).getProvince());
    }

    static void assertFigures(DurationFigures figures, long count, double median, double p90) {
        assertEquals(count, figures.getCount());
        assertEquals(median, figures.getMedianSeconds());
        assertEquals(p90, figures.getP90Seconds());
    }

    @Test
    void stepsReportedLateAreCountedAndLeftOutOfTheTimesOnRequest() {
        UUID incident = UUID.randomUUID();
        MobilizationOrder onTime = order(FURONG, "510000", TeamCategory.MINING, 20, 50, 1800);
        MobilizationOrder late = order(JIANGYOU, "510000", TeamCategory.MINING, 40, 90, 3600);
        late.lateSteps = ",EN_ROUTE,ON_SITE,";
        onTime.incidentId = incident;
        late.incidentId = incident;
        List<MobilizationOrder> orders = List.of(onTime, late);

        ResponseFigureGroup all = ResponseFigureReport.of(FROM, TO, ResponseFigureGrouping.INCIDENT, orders, NAMES,
                Map.of(incident, "古蔺煤矿瓦斯爆炸"), false).getGroups().get(0);
        assertEquals(incident.toString(), all.getKey());
        assertEquals("古蔺煤矿瓦斯爆炸", all.getIncidentTitle());
        assertEquals(2L, all.getLateReportedSteps());
        assertEquals(2L, all.getDeparture().getCount());
        assertEquals(70.0, all.getDeparture().getMedianSeconds());
        assertEquals(1, all.getLateDepartures().size(), "90 s is late for mine rescue");

        ResponseFigureGroup measured = ResponseFigureReport.of(FROM, TO, ResponseFigureGrouping.INCIDENT, orders, NAMES,
                Map.of(incident, "古蔺煤矿瓦斯爆炸"), true).getGroups().get(0);
        assertEquals(2L, measured.getLateReportedSteps(), "still counted");
        assertEquals(2L, measured.getAcknowledge().getCount(), "the acknowledgements were reported on time");
        assertEquals(1L, measured.getDeparture().getCount());
        assertEquals(50.0, measured.getDeparture().getMedianSeconds());
        assertEquals(1L, measured.getArrival().getCount());
        assertTrue(measured.getLateDepartures().isEmpty(), "a late-reported departure is no measurement");
    }
}
