package cn.rescueforce.assessment.grade;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.client.teams.model.Team;
import cn.rescueforce.assessment.client.teams.model.TeamCategory;
import cn.rescueforce.assessment.client.teams.model.TeamStatus;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.assessment.team.TeamDirectory;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.security.TeamScope;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Teams whose grade runs out by a given day, as teams-api holds them now: read page by page with the service
 * account, asked for the caller's province (and mining category) and narrowed to the caller's scope here
 * (teams-api has no filter on the validity date).
 */
@ApplicationScoped
public class ExpiringGradeService {

    @Inject
    TeamDirectory teams;

    @Inject
    Scope scope;

    /** One page of the teams whose grade runs out by {@code horizon}, and how many there are in all. */
    public record ExpiringTeams(List<Team> items, PageRequest page, long total) {
    }

    /**
     * Graded teams still in the registry whose grade is valid until {@code horizon} at the latest, soonest
     * first; the whole list is read from teams-api, so the page is cut from it here.
     */
    public ExpiringTeams expiringBy(LocalDate horizon, Integer page, Integer size) {
        scope.requireLevel(Scope.SCHEDULERS, Text.of("list expiring grades"));
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("id"));
        List<Team> expiring = expiringBy(horizon);
        int from = Math.min(request.page() * request.size(), expiring.size());
        int to = Math.min(from + request.size(), expiring.size());
        return new ExpiringTeams(expiring.subList(from, to), request, expiring.size());
    }

    private List<Team> expiringBy(LocalDate horizon) {
        TeamScope teamScope = scope.caller().teamScope();
        TeamCategory category = teamScope.miningOnly() ? TeamCategory.MINING : null;
        return teams.all(teamScope.province(), category).stream()
                .filter(t -> t.getStatus() != TeamStatus.EXITED && t.getGrade() != null && t.getGradeValidUntil() != null)
                .filter(t -> !t.getGradeValidUntil().isAfter(horizon))
                .filter(t -> scope.coversTeam(t.getProvince(), t.getCategory(), t.getSupportingUnitId()))
                .sorted(Comparator.comparing(Team::getGradeValidUntil).thenComparing(Team::getCode))
                .toList();
    }
}
