package cn.rescueforce.assessment.grade;

import cn.rescueforce.assessment.api.GradesApi;
import cn.rescueforce.assessment.api.model.ExpiringGrade;
import cn.rescueforce.assessment.api.model.ExpiringGradePage;
import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.client.teams.model.Team;
import cn.rescueforce.assessment.client.teams.model.TeamStatus;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.assessment.team.TeamDirectory;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Teams whose grade runs out within N days, as teams-api holds them now: read page by page with the
 * service account and narrowed to the caller's scope here (teams-api has no filter on the validity date).
 */
@ApplicationScoped
@Authenticated
public class ExpiringGradeResource implements GradesApi {

    @Inject
    TeamDirectory teams;

    @Inject
    Scope scope;

    @Override
    public Response listExpiringGrades(Integer page, Integer size, Integer withinDays) {
        scope.requireLevel(Scope.SCHEDULERS, "list expiring grades");
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("id"));
        Caller caller = scope.caller();
        String province = caller.is(ManagementLevel.NATIONAL) ? null : caller.region();
        var category = caller.is(ManagementLevel.MINE_SAFETY) ? cn.rescueforce.assessment.client.teams.model.TeamCategory.MINING : null;
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate horizon = today.plusDays(withinDays == null ? 90 : withinDays);
        List<ExpiringGrade> expiring = teams.all(province, category).stream()
                .filter(t -> t.getStatus() != TeamStatus.EXITED && t.getGrade() != null && t.getGradeValidUntil() != null)
                .filter(t -> !t.getGradeValidUntil().isAfter(horizon))
                .filter(t -> scope.coversTeam(t.getProvince(), t.getCategory().name(), t.getSupportingUnitId()))
                .sorted(Comparator.comparing(Team::getGradeValidUntil).thenComparing(Team::getCode))
                .map(t -> new ExpiringGrade()
                        .teamId(t.getId()).teamCode(t.getCode()).teamName(t.getName())
                        .category(TeamCategory.fromValue(t.getCategory().name())).province(t.getProvince())
                        .grade(Grade.fromValue(t.getGrade().name())).gradeValidUntil(t.getGradeValidUntil())
                        .daysLeft((int) ChronoUnit.DAYS.between(today, t.getGradeValidUntil())))
                .toList();
        int from = Math.min(request.page() * request.size(), expiring.size());
        int to = Math.min(from + request.size(), expiring.size());
        return Response.ok(new ExpiringGradePage(expiring.subList(from, to), request.page(), request.size(), (long) expiring.size())).build();
    }
}
