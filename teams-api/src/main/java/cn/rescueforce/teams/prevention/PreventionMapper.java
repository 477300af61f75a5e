package cn.rescueforce.teams.prevention;

import cn.rescueforce.teams.api.model.HazardCount;
import cn.rescueforce.teams.api.model.PreventionCounts;
import cn.rescueforce.teams.api.model.PreventionGrouping;
import cn.rescueforce.teams.api.model.PreventionTotalsGroup;

import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Prevention and service records, and their totals, between the entities and the API models. */
public final class PreventionMapper {

    private PreventionMapper() {
    }

    /** An inspection; its hazards in the order of the kinds (HazardKind), whatever the order they were sent in. */
    public static cn.rescueforce.teams.api.model.PreventiveInspection toApi(PreventiveInspection inspection, String teamName,
                                                                            List<HazardFinding> findings) {
        return new cn.rescueforce.teams.api.model.PreventiveInspection()
                .id(inspection.id)
                .teamId(inspection.teamId)
                .teamName(teamName)
                .province(inspection.province)
                .category(inspection.category)
                .enterpriseName(inspection.enterpriseName)
                .enterpriseCreditCode(inspection.enterpriseCreditCode)
                .inspectedOn(inspection.inspectedOn)
                .hazards(findings.stream().sorted(Comparator.comparing(f -> f.kind)).map(f -> new HazardCount(f.kind, f.found)).toList())
                .hazardsFound(inspection.hazardsFound)
                .rectificationAdvice(inspection.rectificationAdvice)
                .followUpOn(inspection.followUpOn)
                .createdAt(inspection.createdAt.atOffset(ZoneOffset.UTC))
                .version(inspection.version);
    }

    public static cn.rescueforce.teams.api.model.TechnicalService toApi(TechnicalService service, String teamName) {
        return new cn.rescueforce.teams.api.model.TechnicalService()
                .id(service.id)
                .teamId(service.teamId)
                .teamName(teamName)
                .province(service.province)
                .category(service.category)
                .kind(service.kind)
                .client(service.client)
                .startedOn(service.startedOn)
                .days(service.days)
                .description(service.description)
                .createdAt(service.createdAt.atOffset(ZoneOffset.UTC))
                .version(service.version);
    }

    public static cn.rescueforce.teams.api.model.OutreachActivity toApi(OutreachActivity activity, String teamName) {
        return new cn.rescueforce.teams.api.model.OutreachActivity()
                .id(activity.id)
                .teamId(activity.teamId)
                .teamName(teamName)
                .province(activity.province)
                .category(activity.category)
                .kind(activity.kind)
                .heldOn(activity.heldOn)
                .audience(activity.audience)
                .topic(activity.topic)
                .participants(activity.participants)
                .createdAt(activity.createdAt.atOffset(ZoneOffset.UTC))
                .version(activity.version);
    }

    /** The totals; with {@code groupBy=TEAM}, each group named after its team ({@code teamNames} by id). */
    public static cn.rescueforce.teams.api.model.PreventionTotals toApi(PreventionService.Totals totals, Map<UUID, String> teamNames) {
        return new cn.rescueforce.teams.api.model.PreventionTotals()
                .year(totals.year())
                .groupBy(totals.groupBy())
                .groups(totals.groups().stream().map(g -> new PreventionTotalsGroup()
                        .key(g.key())
                        .teamName(totals.groupBy() == PreventionGrouping.TEAM ? teamNames.get(UUID.fromString(g.key())) : null)
                        .counts(toApi(g.counts()))).toList())
                .total(toApi(totals.total()));
    }

    private static PreventionCounts toApi(PreventionService.Counts counts) {
        return new PreventionCounts()
                .inspections(counts.inspections())
                .hazardsFound(counts.hazardsFound())
                .technicalServices(counts.technicalServices())
                .serviceDays(counts.serviceDays())
                .outreachActivities(counts.outreachActivities())
                .outreachParticipants(counts.outreachParticipants());
    }
}
