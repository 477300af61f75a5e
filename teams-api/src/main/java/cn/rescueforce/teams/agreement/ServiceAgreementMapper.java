package cn.rescueforce.teams.agreement;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** Service agreements between the entity and the API model; days left are as of {@code today}. */
public final class ServiceAgreementMapper {

    private ServiceAgreementMapper() {
    }

    public static cn.rescueforce.teams.api.model.ServiceAgreement toApi(ServiceAgreement agreement, String teamName, LocalDate today) {
        return new cn.rescueforce.teams.api.model.ServiceAgreement()
                .id(agreement.id)
                .enterpriseName(agreement.enterpriseName)
                .enterpriseCreditCode(agreement.enterpriseCreditCode)
                .enterpriseProvince(agreement.enterpriseProvince)
                .teamId(agreement.teamId)
                .teamName(teamName)
                .teamProvince(agreement.province)
                .coverage(agreement.coverage)
                .startsOn(agreement.startsOn)
                .endsOn(agreement.endsOn)
                .daysLeft(agreement.daysLeft(today))
                .createdAt(agreement.createdAt.atOffset(ZoneOffset.UTC))
                .version(agreement.version);
    }
}
