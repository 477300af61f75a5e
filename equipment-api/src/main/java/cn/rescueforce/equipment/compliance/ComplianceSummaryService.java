package cn.rescueforce.equipment.compliance;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.equipment.api.model.ComplianceSummary;
import cn.rescueforce.equipment.api.model.ComplianceSummaryRequest;
import cn.rescueforce.equipment.api.model.ComplianceSummaryTeam;
import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.equipment.api.model.TeamCompliancePercent;
import cn.rescueforce.equipment.equipment.EquipmentService;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.kit.security.ManagementLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import cn.rescueforce.equipment.configuration.StandardConfiguration;
import cn.rescueforce.equipment.configuration.StandardConfigurationService;
import cn.rescueforce.equipment.equipment.EquipmentItemRepository;
import cn.rescueforce.equipment.teams.TeamDirectory;
import cn.rescueforce.equipment.teams.TeamRef;
import cn.rescueforce.kit.problem.ProblemException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The equipment compliance of many teams at once ({@code POST /api/v1/compliance-summary}): each team's
 * {@code compliancePercent} by the very rule of its compliance report, {@link Compliance#measure} and
 * {@link Compliance#percent()} (the current configuration of its category, with the lines of the team's specialties),
 * on the items in service of all the teams read in one query; then the average and the lowest teams. The teams come
 * with their categories from the caller, so only the levels that see every team may ask; their specialties are read
 * from teams-api as the report reads them ({@link TeamDirectory}, cached), only when the configuration has lines for
 * specialties.
 */
@ApplicationScoped
public class ComplianceSummaryService {

    static final int DEFAULT_LOWEST = 5;

    @Inject
    Scope scope;

    @Inject
    StandardConfigurationService configurations;

    @Inject
    EquipmentItemRepository items;

    @Inject
    TeamDirectory directory;

    public ComplianceSummary summarize(ComplianceSummaryRequest request) {
        scope.requireLevel(List.of(ManagementLevel.NATIONAL, ManagementLevel.SERVICE), Text.of("summarize the compliance of named teams"));
        Map<UUID, TeamCategory> teams = new LinkedHashMap<>();
        for (ComplianceSummaryTeam team : request.getTeams()) {
            teams.putIfAbsent(team.getTeamId(), team.getCategory());
        }
        int lowest = request.getLowest() == null ? DEFAULT_LOWEST : request.getLowest();
        List<TeamCompliancePercent> measured = teams.isEmpty() ? List.of() : measure(teams);
        ComplianceSummary summary = new ComplianceSummary()
                .measuredTeams(measured.size())
                .unmeasuredTeams(teams.size() - measured.size())
                .lowest(measured.stream()
                        .sorted(Comparator.comparing(TeamCompliancePercent::getCompliancePercent)
                                .thenComparing(t -> t.getTeamId().toString()))
                        .limit(lowest).toList())
                .generatedAt(Instant.now().atOffset(ZoneOffset.UTC));
        if (!measured.isEmpty()) {
            summary.averagePercent(oneDecimal(BigDecimal.valueOf(measured.stream().mapToDouble(TeamCompliancePercent::getCompliancePercent).sum()),
                    BigDecimal.valueOf(measured.size())));
        }
        return summary;
    }

    /** Each team of a category with a configuration, measured as its compliance report measures it. */
    private List<TeamCompliancePercent> measure(Map<UUID, TeamCategory> teams) {
        LocalDate today = EquipmentService.today();
        Map<TeamCategory, Optional<StandardConfiguration>> current = new EnumMap<>(TeamCategory.class);
        Map<UUID, Map<UUID, Long>> inService = items.inServiceByTeamAndType(teams.keySet(), today);
        List<TeamCompliancePercent> measured = new ArrayList<>();
        teams.forEach((teamId, category) -> {
            Optional<StandardConfiguration> configuration = current.computeIfAbsent(category, configurations::current);
            if (configuration.isEmpty()) {
                return;
            }
            List<String> specialties = List.of();
            if (configuration.get().lines.stream().anyMatch(line -> line.specialty != null)) {
                try {
                    specialties = directory.get(teamId).specialties();
                } catch (ProblemException unknown) {
                    if (unknown.status() != 404) {
                        throw unknown;
                    }
                    return; // a team teams-api does not know is not measured
                }
            }
            // the percent needs neither the catalog types nor the overdue items
            Compliance compliance = Compliance.measure(new TeamRef(teamId, null, category, null, null, specialties),
                    configuration.get(), inService.getOrDefault(teamId, Map.of()), List.of(), Map.of(), today);
            measured.add(new TeamCompliancePercent().teamId(teamId).category(category).compliancePercent(compliance.percent()));
        });
        return measured;
    }

    /** As {@link Compliance#percent()} rounds: one decimal, half up. */
    static double oneDecimal(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, 1, RoundingMode.HALF_UP).doubleValue();
    }
}
