package cn.rescueforce.assessment.equipment;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.client.equipment.ComplianceApi;
import cn.rescueforce.assessment.client.equipment.model.ComplianceReport;
import cn.rescueforce.kit.client.OtherService;
import cn.rescueforce.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The team's equipment compliance as equipment-api reports it now, through the client generated from
 * openapi/equipment-api.yaml. The figure is what the equipment indicator is filled from.
 */
@ApplicationScoped
public class EquipmentCompliance {

    private static final Logger LOG = Logger.getLogger(EquipmentCompliance.class);
    private static final OtherService EQUIPMENT_API = OtherService.named("equipment-api");

    /** The part of a compliance report an evaluation keeps. */
    public record Figure(double compliancePercent, Integer configurationVersion, Integer overdueInspections, Instant generatedAt) {
    }

    @Inject
    @RestClient
    ComplianceApi compliance;

    public Figure of(UUID teamId) {
        // the report cannot be made for this team: unknown there (404), or no standard configuration for its category (409)
        Supplier<ProblemException> cannotMeasure = () -> new ProblemException(409, "equipment-not-measurable",
                "Equipment compliance cannot be measured", Text.of("equipment-api cannot measure the equipment compliance of team {0}, so the equipment indicator cannot be filled", teamId), null);
        ComplianceReport report = EQUIPMENT_API.call(() -> compliance.getTeamCompliance(teamId), Map.of(404, cannotMeasure, 409, cannotMeasure));
        Double percent = report.getCompliancePercent();
        if (percent == null || percent < 0 || percent > 100) {
            LOG.warnf("equipment-api reported compliancePercent %s for team %s, outside 0..100", percent, teamId);
            throw EQUIPMENT_API.unavailable();
        }
        return new Figure(percent, report.getConfigurationVersion(),
                report.getOverdueInspections() == null ? null : report.getOverdueInspections().getCount(),
                report.getGeneratedAt() == null ? Instant.now() : report.getGeneratedAt().toInstant());
    }
}
