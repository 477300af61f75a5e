package cn.rescueforce.equipment.compliance;

import cn.rescueforce.equipment.api.model.ComplianceLine;
import cn.rescueforce.equipment.api.model.ComplianceReport;
import cn.rescueforce.equipment.api.model.OverdueInspection;
import cn.rescueforce.equipment.api.model.OverdueInspections;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.configuration.StandardConfiguration;
import cn.rescueforce.equipment.configuration.StandardConfigurationService;
import cn.rescueforce.equipment.equipment.EquipmentItem;
import cn.rescueforce.equipment.equipment.EquipmentItemRepository;
import cn.rescueforce.equipment.equipment.EquipmentService;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The compliance report of a team against the current standard configuration of its category. Its
 * definitions are part of the contract (assessment-api scores the equipment indicator from it): see
 * getTeamCompliance in openapi/equipment-api.yaml.
 */
@ApplicationScoped
public class ComplianceService {

    @Inject
    Scope scope;

    @Inject
    StandardConfigurationService configurations;

    @Inject
    EquipmentItemRepository items;

    @Inject
    EquipmentService equipment;

    public ComplianceReport report(UUID teamId) {
        scope.requireLevel(Scope.TEAM_READERS, "read compliance reports");
        TeamRef team = scope.visibleTeam(teamId);
        StandardConfiguration configuration = configurations.current(team.category()).orElseThrow(() ->
                new ProblemException(409, "no-standard-configuration", "No standard configuration",
                        "No standard configuration is published for category " + team.category(), null));
        Map<UUID, EquipmentType> types = configurations.typesOf(List.of(configuration));
        LocalDate today = EquipmentService.today();
        Map<UUID, Long> inService = items.inServiceByType(team.id(), today);

        List<ComplianceLine> lines = new ArrayList<>();
        int required = 0;
        int covered = 0;
        int gaps = 0;
        for (StandardConfiguration.Line line : configuration.lines) {
            EquipmentType type = types.get(line.equipmentTypeId);
            int have = inService.getOrDefault(line.equipmentTypeId, 0L).intValue();
            int gap = Math.max(0, line.minimumQuantity - have);
            required += line.minimumQuantity;
            covered += Math.min(have, line.minimumQuantity);
            gaps += gap;
            lines.add(new ComplianceLine(type.code, type.name, line.minimumQuantity, have, gap).group(type.group).unit(type.unit));
        }
        List<EquipmentItem> overdue = items.overdue(team.id(), today);
        Map<UUID, EquipmentType> overdueTypes = equipment.typesOf(overdue);
        List<OverdueInspection> overdueLines = overdue.stream().map(item -> new OverdueInspection(item.id,
                        overdueTypes.get(item.equipmentTypeId).code, overdueTypes.get(item.equipmentTypeId).name, item.serialNumber,
                        item.nextInspectionDue, (int) ChronoUnit.DAYS.between(item.nextInspectionDue, today))
                .status(item.status)).toList();

        return new ComplianceReport(team.id(), team.category(), configuration.id, configuration.version, lines, required, covered, gaps,
                new OverdueInspections(overdueLines.size(), overdueLines), percent(covered, required),
                Instant.now().atOffset(ZoneOffset.UTC))
                .teamName(team.name())
                .province(team.province())
                .compliant(gaps == 0 && overdueLines.isEmpty());
    }

    /** 100 × covered ÷ required, one decimal, half up; a configuration always requires at least one item. */
    static double percent(int covered, int required) {
        return BigDecimal.valueOf(covered * 100L).divide(BigDecimal.valueOf(required), 1, RoundingMode.HALF_UP).doubleValue();
    }
}
