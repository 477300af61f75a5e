package cn.rescueforce.equipment.compliance;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.equipment.api.model.ComplianceSummary;
import cn.rescueforce.equipment.api.model.ComplianceSummaryRequest;
import cn.rescueforce.equipment.api.model.ComplianceSummaryTeam;
import cn.rescueforce.equipment.api.model.EquipmentStatus;
import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.equipment.api.model.TeamCompliancePercent;
import cn.rescueforce.equipment.equipment.EquipmentService;
import cn.rescueforce.equipment.security.Scope;
import cn.rescueforce.kit.security.ManagementLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The equipment compliance of many teams at once ({@code POST /api/v1/compliance-summary}): each team's
 * {@code compliancePercent} as {@link Compliance#percent()} defines it (Σ min(in service, required) ÷ Σ required,
 * against the highest version of its category's configuration), in one aggregate query, then the average and the
 * lowest teams. The teams come with their categories from the caller, so only the levels that see every team may ask.
 */
@ApplicationScoped
public class ComplianceSummaryService {

    static final int DEFAULT_LOWEST = 5;

    /**
     * Per team named: the required quantity it covers and the quantity required, over the lines of its category's
     * current configuration; a team of a category without one has no row. Ids and categories arrive as one text
     * each (values already parsed as UUIDs and enum names), unnested side by side.
     */
    private static final String COVERAGE = """
            with wanted as (
                select distinct on (team_id) team_id, category
                from unnest(string_to_array(:ids, ',')::uuid[], string_to_array(:categories, ',')) as t(team_id, category)
                order by team_id
            ), current_configuration as (
                select distinct on (category) id, category from standard_configuration order by category, version desc
            ), required as (
                select c.category, l.equipment_type_id, l.minimum_quantity
                from current_configuration c join standard_configuration_line l on l.configuration_id = c.id
            ), held as (
                select team_id, equipment_type_id, count(*) as in_service from equipment_item
                where team_id = any(string_to_array(:ids, ',')::uuid[]) and status = :inService
                  and (expires_on is null or expires_on > :today)
                group by team_id, equipment_type_id
            )
            select w.team_id, w.category, sum(least(coalesce(h.in_service, 0), r.minimum_quantity)), sum(r.minimum_quantity)
            from wanted w join required r on r.category = w.category
            left join held h on h.team_id = w.team_id and h.equipment_type_id = r.equipment_type_id
            group by w.team_id, w.category
            """;

    @Inject
    Scope scope;

    @Inject
    EntityManager em;

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

    @SuppressWarnings("unchecked")
    private List<TeamCompliancePercent> measure(Map<UUID, TeamCategory> teams) {
        List<Object[]> rows = em.createNativeQuery(COVERAGE)
                .setParameter("ids", teams.keySet().stream().map(UUID::toString).collect(Collectors.joining(",")))
                .setParameter("categories", teams.values().stream().map(Enum::name).collect(Collectors.joining(",")))
                .setParameter("inService", EquipmentStatus.IN_SERVICE.name())
                .setParameter("today", EquipmentService.today())
                .getResultList();
        return rows.stream().map(r -> new TeamCompliancePercent()
                        .teamId((UUID) r[0])
                        .category(TeamCategory.fromValue((String) r[1]))
                        .compliancePercent(oneDecimal(BigDecimal.valueOf(((Number) r[2]).longValue() * 100L),
                                BigDecimal.valueOf(((Number) r[3]).longValue()))))
                .toList();
    }

    /** As {@link Compliance#percent()} rounds: one decimal, half up. */
    static double oneDecimal(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, 1, RoundingMode.HALF_UP).doubleValue();
    }
}
