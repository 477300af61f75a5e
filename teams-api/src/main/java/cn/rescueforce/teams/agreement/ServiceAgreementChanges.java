package cn.rescueforce.teams.agreement;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.teams.certificate.CertificateService;
import cn.rescueforce.teams.team.TeamService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Service agreements in the change feed, as {@code GET /api/v1/service-agreements/{agreementId}} answers them, to
 * the readers whose scope covers the agreement's team, in the team's province or the enterprise's: the teams
 * {@link ServiceAgreement#teams} names, as {@link ServiceAgreement#isCoveredBy} reads them.
 */
@ApplicationScoped
public class ServiceAgreementChanges implements ChangeSource {

    @Inject
    TeamService teams;

    @Inject
    AgreementSettings settings;

    @Override
    public String entityType() {
        return "ServiceAgreement";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("agreement.recorded", "agreement.terminated", "agreement.renewed", "agreement.expired");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("agreement", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        ServiceAgreement agreement = ServiceAgreement.findById(id);
        if (agreement == null) {
            return null;
        }
        ChangeSource.asStored(agreement);
        String teamName = teams.names(List.of(agreement.teamId)).get(agreement.teamId);
        double maxDistanceKm = settings.maxDistanceKm();
        return Representation.of(ServiceAgreementMapper.toApi(agreement, teamName, CertificateService.today(), maxDistanceKm),
                agreement.version, Audience.teams(agreement.teams()));
    }
}
