package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.teams.api.model.ResponseFigureGrouping;
import cn.rescueforce.teams.api.model.ResponseFigures;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.incident.IncidentService;
import cn.rescueforce.teams.security.Scope;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Response times of mobilization orders (from the alarm to each step), per team, province, category or incident;
 * steps reported after the fact are counted, and left out of the times on request.
 */
@ApplicationScoped
public class ResponseFigureService {

    @Inject
    MobilizationOrderRepository orders;

    @Inject
    MobilizationService mobilizations;

    @Inject
    Scope scope;

    @Inject
    IncidentService incidents;

    public ResponseFigures figures(OffsetDateTime from, OffsetDateTime to, ResponseFigureGrouping groupBy, String province,
                                   TeamCategory category) {
        return figures(from, to, groupBy, province, category, null, false);
    }

    public ResponseFigures figures(OffsetDateTime from, OffsetDateTime to, ResponseFigureGrouping groupBy, String province,
                                   TeamCategory category, UUID incidentId, boolean excludeLateReported) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("read response figures"));
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("to", Text.of("must be after from"));
        }
        Where where = new Where().atLeast("alarmAt", from).before("alarmAt", to);
        scope.restrict(where, "")
                .equal("province", province)
                .equal("category", category)
                .equal("incidentId", incidentId);
        List<MobilizationOrder> found = orders.search(where, Sort.by("alarmAt").and("id")).list();
        ResponseFigureGrouping grouping = groupBy == null ? ResponseFigureGrouping.TEAM : groupBy;
        Map<UUID, String> incidentTitles = grouping == ResponseFigureGrouping.INCIDENT
                ? incidents.titles(found.stream().map(o -> o.incidentId).collect(Collectors.toSet())) : Map.of();
        return ResponseFigureReport.of(from, to, grouping, found, mobilizations.teamNames(found), incidentTitles,
                excludeLateReported);
    }
}
