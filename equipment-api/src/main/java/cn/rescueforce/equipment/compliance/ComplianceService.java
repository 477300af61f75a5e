package cn.rescueforce.equipment.compliance;

import cn.rescueforce.kit.i18n.Text;
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

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The compliance of a team against the current standard configuration of its category ({@link Compliance}). */
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

    public Compliance measure(UUID teamId) {
        scope.requireLevel(Scope.TEAM_READERS, Text.of("read compliance reports"));
        TeamRef team = scope.visibleTeam(teamId);
        StandardConfiguration configuration = configurations.current(team.category()).orElseThrow(() ->
                new ProblemException(409, "no-standard-configuration", "No standard configuration",
                        Text.of("No standard configuration is published for category {0}", team.category()), null));
        LocalDate today = EquipmentService.today();
        List<EquipmentItem> overdue = items.overdue(team.id(), today);
        Map<UUID, EquipmentType> types = new HashMap<>(configurations.typesOf(List.of(configuration)));
        types.putAll(equipment.typesOf(overdue));
        return Compliance.measure(team, configuration, items.inServiceByType(team.id(), today), overdue, types, today);
    }
}
