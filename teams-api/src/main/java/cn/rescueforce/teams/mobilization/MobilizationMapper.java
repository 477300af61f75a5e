package cn.rescueforce.teams.mobilization;

import cn.rescueforce.teams.api.model.GeoPoint;
import cn.rescueforce.teams.api.model.Incident;
import cn.rescueforce.teams.api.model.IssuingAuthority;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Mobilization orders between the entity and the API model. */
public final class MobilizationMapper {

    private MobilizationMapper() {
    }

    public static cn.rescueforce.teams.api.model.MobilizationOrder toApi(MobilizationOrder order, String teamName) {
        return new cn.rescueforce.teams.api.model.MobilizationOrder()
                .id(order.id)
                .incidentId(order.incidentId)
                .task(order.task)
                .lateReportedSteps(new java.util.ArrayList<>(order.lateReportedSteps()))
                .teamId(order.teamId)
                .teamName(teamName)
                .teamProvince(order.province)
                .teamCategory(order.category)
                .incident(new Incident()
                        .type(order.incidentType)
                        .severity(order.severity)
                        .province(order.incidentProvince)
                        .location(new GeoPoint(order.incidentLat, order.incidentLon))
                        .address(order.incidentAddress)
                        .description(order.incidentDescription)
                        .alarmAt(utc(order.alarmAt)))
                .status(order.status)
                .issuedBy(new IssuingAuthority()
                        .level(IssuingAuthority.LevelEnum.fromValue(order.issuerLevel.name()))
                        .region(order.issuerRegion)
                        .org(order.issuerOrg)
                        .sub(order.issuerSub))
                .alarmAt(utc(order.alarmAt))
                .issuedAt(utc(order.issuedAt))
                .acknowledgedAt(utc(order.acknowledgedAt))
                .departedAt(utc(order.departedAt))
                .arrivedAt(utc(order.arrivedAt))
                .completedAt(utc(order.completedAt))
                .cancelledAt(utc(order.cancelledAt))
                .cancellationReason(order.cancellationReason)
                .version(order.version);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
