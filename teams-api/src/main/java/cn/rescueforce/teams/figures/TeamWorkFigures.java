package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.api.model.FigureGrouping;
import cn.rescueforce.teams.api.model.FigureSource;
import cn.rescueforce.teams.api.model.InsuranceFigureGroup;
import cn.rescueforce.teams.api.model.InsuranceFigures;
import cn.rescueforce.teams.api.model.PreventionFigureGroup;
import cn.rescueforce.teams.api.model.PreventionFigures;
import cn.rescueforce.teams.api.model.PreventionGrouping;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.insurance.OccupationalSecurityService;
import cn.rescueforce.teams.prevention.PreventionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The figures of the teams' own work kept by other capabilities of teams-api: members' work-injury insurance
 * ({@link OccupationalSecurityService#insuredShare}) and this year's prevention and service work
 * ({@link PreventionService#totals(TeamScope, int, PreventionGrouping)}), each asked per team in the caller's scope and
 * summed over the teams the answer covers (InsuranceFigures and PreventionFigures in openapi/teams-api.yaml), so that
 * the filters and groups are those of the rest of the answer.
 */
@ApplicationScoped
public class TeamWorkFigures {

    @Inject
    OccupationalSecurityService security;

    @Inject
    PreventionService prevention;

    /** A team the answer covers: its province and category, the keys of its groups. */
    record Covered(String province, TeamCategory category) {

        String key(FigureGrouping groupBy) {
            return groupBy == FigureGrouping.PROVINCE ? province : category.name();
        }
    }

    /** @param teams the teams covered, as {@link RegistryFigures#teams} lists them (id, category, name, province) */
    static Map<UUID, Covered> covered(List<Object[]> teams) {
        Map<UUID, Covered> covered = new HashMap<>();
        teams.forEach(t -> covered.put((UUID) t[0], new Covered((String) t[3], TeamCategory.valueOf((String) t[1]))));
        return covered;
    }

    /** Serving and insured members per team of the caller's scope on {@code asOf}; none asked when no team is covered. */
    List<OccupationalSecurityService.TeamShare> shares(TeamScope teamScope, List<Object[]> covered, LocalDate asOf) {
        return covered.isEmpty() ? List.of() : security.insuredShare(teamScope, asOf);
    }

    /** The year's prevention and service work per team of the caller's scope; none asked when no team is covered. */
    List<PreventionService.Group> work(TeamScope teamScope, List<Object[]> covered, int year) {
        return covered.isEmpty() ? List.of() : prevention.totals(teamScope, year, PreventionGrouping.TEAM).groups();
    }

    /**
     * Serving and insured members of the covered teams on {@code asOf}, in total and per group when grouped.
     *
     * @param shares the shares per team, as {@link #shares} gives them
     */
    static InsuranceFigures insurance(List<OccupationalSecurityService.TeamShare> shares, Map<UUID, Covered> teams,
                                      FigureGrouping groupBy, LocalDate asOf) {
        long serving = 0;
        long insured = 0;
        Map<String, long[]> groups = new TreeMap<>();
        Map<String, Covered> keys = new HashMap<>();
        if (!teams.isEmpty()) {
            for (OccupationalSecurityService.TeamShare share : shares) {
                Covered team = teams.get(share.teamId());
                if (team == null) {
                    continue;
                }
                serving += share.servingMembers();
                insured += share.insuredMembers();
                if (groupBy != null) {
                    long[] sums = groups.computeIfAbsent(team.key(groupBy), k -> new long[2]);
                    sums[0] += share.servingMembers();
                    sums[1] += share.insuredMembers();
                    keys.put(team.key(groupBy), team);
                }
            }
        }
        List<InsuranceFigureGroup> rows = new ArrayList<>();
        groups.forEach((key, sums) -> rows.add(named(new InsuranceFigureGroup().key(key), keys.get(key), groupBy)
                .servingMembers(sums[0]).insuredMembers(sums[1]).insuredShare(FigureTally.share(sums[1], sums[0]))));
        return new InsuranceFigures().source(FigureSource.TEAMS_API).asOf(asOf)
                .servingMembers(serving).insuredMembers(insured).insuredShare(FigureTally.share(insured, serving))
                .groups(rows);
    }

    /**
     * The year's prevention and service work of the covered teams, in total and per group when grouped.
     *
     * @param work the work per team, as {@link #work} gives it
     */
    static PreventionFigures prevention(List<PreventionService.Group> work, Map<UUID, Covered> teams, FigureGrouping groupBy,
                                        int year) {
        PreventionService.Counts total = NONE;
        Map<String, PreventionService.Counts> groups = new TreeMap<>();
        Map<String, Covered> keys = new HashMap<>();
        if (!teams.isEmpty()) {
            for (PreventionService.Group group : work) {
                Covered team = teams.get(UUID.fromString(group.key()));
                if (team == null) {
                    continue;
                }
                total = plus(total, group.counts());
                if (groupBy != null) {
                    groups.merge(team.key(groupBy), group.counts(), TeamWorkFigures::plus);
                    keys.put(team.key(groupBy), team);
                }
            }
        }
        PreventionService.Counts sum = total;
        List<PreventionFigureGroup> rows = new ArrayList<>();
        groups.forEach((key, counts) -> {
            PreventionFigureGroup row = new PreventionFigureGroup().key(key)
                    .inspections(counts.inspections()).hazardsFound(counts.hazardsFound())
                    .technicalServices(counts.technicalServices()).serviceDays(counts.serviceDays())
                    .outreachActivities(counts.outreachActivities()).outreachParticipants(counts.outreachParticipants());
            if (groupBy == FigureGrouping.PROVINCE) {
                row.province(keys.get(key).province());
            } else {
                row.category(keys.get(key).category());
            }
            rows.add(row);
        });
        return new PreventionFigures().source(FigureSource.TEAMS_API).year(year)
                .inspections(sum.inspections()).hazardsFound(sum.hazardsFound())
                .technicalServices(sum.technicalServices()).serviceDays(sum.serviceDays())
                .outreachActivities(sum.outreachActivities()).outreachParticipants(sum.outreachParticipants())
                .groups(rows);
    }

    private static final PreventionService.Counts NONE = new PreventionService.Counts(0, 0, 0, 0, 0, 0);

    private static PreventionService.Counts plus(PreventionService.Counts a, PreventionService.Counts b) {
        return new PreventionService.Counts(a.inspections() + b.inspections(), a.hazardsFound() + b.hazardsFound(),
                a.technicalServices() + b.technicalServices(), a.serviceDays() + b.serviceDays(),
                a.outreachActivities() + b.outreachActivities(), a.outreachParticipants() + b.outreachParticipants());
    }

    private static InsuranceFigureGroup named(InsuranceFigureGroup group, Covered team, FigureGrouping groupBy) {
        return groupBy == FigureGrouping.PROVINCE ? group.province(team.province()) : group.category(team.category());
    }
}
