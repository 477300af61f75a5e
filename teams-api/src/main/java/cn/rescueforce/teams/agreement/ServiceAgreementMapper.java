package cn.rescueforce.teams.agreement;

import cn.rescueforce.teams.api.model.AgreementWarning;
import cn.rescueforce.teams.api.model.AgreementWarningCode;
import cn.rescueforce.teams.api.model.CoveredEnterprise;
import cn.rescueforce.teams.api.model.GeoPoint;
import cn.rescueforce.teams.geo.GreatCircle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Service agreements between the entity and the API model; status and days left are as of {@code today}. */
public final class ServiceAgreementMapper {

    private ServiceAgreementMapper() {
    }

    public static cn.rescueforce.teams.api.model.ServiceAgreement toApi(ServiceAgreement agreement, String teamName, LocalDate today,
                                                                         double maxDistanceKm) {
        return new cn.rescueforce.teams.api.model.ServiceAgreement()
                .id(agreement.id)
                .enterpriseName(agreement.enterpriseName)
                .enterpriseCreditCode(agreement.enterpriseCreditCode)
                .enterpriseProvince(agreement.enterpriseProvince)
                .enterpriseLocation(location(agreement))
                .teamId(agreement.teamId)
                .teamName(teamName)
                .teamProvince(agreement.province)
                .coverage(agreement.coverage)
                .startsOn(agreement.startsOn)
                .endsOn(agreement.endsOn)
                .status(agreement.status(today))
                .previousAgreementId(agreement.previousAgreementId)
                .distanceKm(agreement.distanceKm)
                .warnings(warnings(agreement, maxDistanceKm))
                .daysLeft(agreement.daysLeft(today))
                .terminationReason(agreement.terminationReason)
                .terminatedAt(agreement.terminatedAt == null ? null : agreement.terminatedAt.atOffset(ZoneOffset.UTC))
                .terminatedByLevel(agreement.terminatedByLevel == null ? null : cn.rescueforce.teams.api.model.ServiceAgreement.TerminatedByLevelEnum.fromValue(agreement.terminatedByLevel.name()))
                .createdAt(agreement.createdAt.atOffset(ZoneOffset.UTC))
                .version(agreement.version);
    }

    public static CoveredEnterprise toCovered(ServiceAgreement agreement) {
        return new CoveredEnterprise()
                .agreementId(agreement.id)
                .enterpriseName(agreement.enterpriseName)
                .enterpriseCreditCode(agreement.enterpriseCreditCode)
                .enterpriseProvince(agreement.enterpriseProvince)
                .enterpriseLocation(location(agreement))
                .distanceKm(agreement.distanceKm)
                .startsOn(agreement.startsOn)
                .endsOn(agreement.endsOn);
    }

    private static GeoPoint location(ServiceAgreement agreement) {
        return agreement.enterpriseLat == null ? null : new GeoPoint(agreement.enterpriseLat, agreement.enterpriseLon);
    }

    /** The warning the agreement was accepted with, when the team's base was beyond the distance then configured. */
    private static List<AgreementWarning> warnings(ServiceAgreement agreement, double maxDistanceKm) {
        if (!agreement.beyondDistanceLimit) {
            return List.of();
        }
        return List.of(new AgreementWarning(AgreementWarningCode.TEAM_BEYOND_DISTANCE, "The team's base is " + agreement.distanceKm
                + " km from the enterprise, farther than " + BigDecimal.valueOf(GreatCircle.rounded(maxDistanceKm)).stripTrailingZeros().toPlainString()
                + " km"));
    }
}
