package cn.rescueforce.assessment.equipment;

import cn.rescueforce.assessment.client.equipment.ApiException;
import cn.rescueforce.assessment.client.equipment.ComplianceApi;
import cn.rescueforce.assessment.client.equipment.model.ComplianceReport;
import cn.rescueforce.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * The team's equipment compliance as equipment-api reports it now, through the client generated from
 * openapi/equipment-api.yaml. The figure is what the equipment indicator is filled from.
 */
@ApplicationScoped
public class EquipmentCompliance {

    private static final Logger LOG = Logger.getLogger(EquipmentCompliance.class);

    /** The part of a compliance report an evaluation keeps. */
    public record Figure(double compliancePercent, Integer configurationVersion, Integer overdueInspections, Instant generatedAt) {
    }

    @Inject
    @RestClient
    ComplianceApi compliance;

    public Figure of(UUID teamId) {
        ComplianceReport report;
        try {
            report = compliance.getTeamCompliance(teamId);
        } catch (ApiException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404 || status == 409) {
                // the report cannot be made for this team (unknown there, or no standard configuration for its category)
                throw ProblemException.conflict("equipment-api cannot measure the equipment compliance of team " + teamId
                        + " (HTTP " + status + "), so the equipment indicator cannot be filled");
            }
            throw unavailable(e);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
        Double percent = report.getCompliancePercent();
        if (percent == null || percent < 0 || percent > 100) {
            throw unavailable(new IllegalStateException("compliancePercent out of range: " + percent));
        }
        return new Figure(percent, report.getConfigurationVersion(),
                report.getOverdueInspections() == null ? null : report.getOverdueInspections().getCount(),
                report.getGeneratedAt() == null ? Instant.now() : report.getGeneratedAt().toInstant());
    }

    private static ProblemException unavailable(Exception e) {
        LOG.warnf("equipment-api call failed: %s", e.toString());
        return ProblemException.unavailable("equipment-api cannot be reached or did not answer in time; retry later");
    }
}
