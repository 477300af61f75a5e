package cn.rescueforce.teams.mobilization;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.teams.api.model.ResponseFigureGrouping;
import cn.rescueforce.teams.api.model.ResponseFigures;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.security.Scope;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;

/** Response times of mobilization orders (from the alarm to each step), per team, province or category. */
@ApplicationScoped
public class ResponseFigureService {

    @Inject
    MobilizationOrderRepository orders;

    @Inject
    MobilizationService mobilizations;

    @Inject
    Scope scope;

    public ResponseFigures figures(OffsetDateTime from, OffsetDateTime to, ResponseFigureGrouping groupBy, String province,
                                   TeamCategory category) {
        scope.requireLevel(Scope.TEAM_EDITORS, Text.of("read response figures"));
        if (!from.isBefore(to)) {
            throw ProblemException.invalid("to", Text.of("must be after from"));
        }
        Where where = new Where().atLeast("alarmAt", from).before("alarmAt", to);
        scope.restrict(where, "")
                .equal("province", province)
                .equal("category", category);
        List<MobilizationOrder> found = orders.search(where, Sort.by("alarmAt").and("id")).list();
        return ResponseFigureReport.of(from, to, groupBy == null ? ResponseFigureGrouping.TEAM : groupBy, found,
                mobilizations.teamNames(found));
    }
}
