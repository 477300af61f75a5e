package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.client.OtherService;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.model.EquipmentFigure;
import cn.rescueforce.teams.api.model.FigureSource;
import cn.rescueforce.teams.api.model.LowCompliance;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.client.equipment.ComplianceSummaryApi;
import cn.rescueforce.teams.client.equipment.model.ComplianceSummary;
import cn.rescueforce.teams.client.equipment.model.ComplianceSummaryRequest;
import cn.rescueforce.teams.client.equipment.model.ComplianceSummaryTeam;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Equipment compliance of the teams an answer covers, from equipment-api's compliance summary
 * ({@code POST /api/v1/compliance-summary}, openapi/equipment-api.yaml) through the client generated from its contract,
 * with teams-api's service account. equipment-api down, slow or refusing: the figure is unavailable, with the reason.
 */
@ApplicationScoped
public class EquipmentFigures {

    static final OtherService EQUIPMENT_API = OtherService.named("equipment-api");
    /** The lowest teams an answer lists. */
    static final int LOWEST = 5;

    @Inject
    @RestClient
    ComplianceSummaryApi compliance;

    /** @param teams the teams covered: id, category (name), name and province, as {@link RegistryFigures#teams} lists them */
    EquipmentFigure of(List<Object[]> teams) {
        OffsetDateTime asked = OffsetDateTime.now(ZoneOffset.UTC);
        EquipmentFigure figure = new EquipmentFigure().source(FigureSource.EQUIPMENT_API);
        if (teams.isEmpty()) {
            return figure.computedAt(asked).available(true).measuredTeams(0).lowest(List.of());
        }
        ComplianceSummaryRequest request = new ComplianceSummaryRequest().lowest(LOWEST).teams(teams.stream()
                .map(t -> new ComplianceSummaryTeam().teamId((UUID) t[0])
                        .category(cn.rescueforce.teams.client.equipment.model.TeamCategory.fromValue((String) t[1])))
                .toList());
        ComplianceSummary summary;
        try {
            summary = EQUIPMENT_API.call(() -> compliance.summarizeCompliance(request));
        } catch (ProblemException unavailable) {
            return figure.computedAt(asked).available(false).reason(unavailable.getMessage());
        }
        Map<UUID, String> names = new java.util.HashMap<>();
        teams.forEach(t -> names.put((UUID) t[0], (String) t[2]));
        return figure.available(true)
                .computedAt(summary.getGeneratedAt() == null ? asked : summary.getGeneratedAt().withOffsetSameInstant(ZoneOffset.UTC))
                .measuredTeams(summary.getMeasuredTeams())
                .averagePercent(summary.getAveragePercent())
                .lowest(summary.getLowest().stream().map(low -> new LowCompliance()
                        .teamId(low.getTeamId())
                        .teamName(names.get(low.getTeamId()))
                        .category(TeamCategory.fromValue(low.getCategory().name()))
                        .compliancePercent(low.getCompliancePercent())).toList());
    }
}
