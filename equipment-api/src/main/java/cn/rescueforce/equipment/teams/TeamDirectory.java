package cn.rescueforce.equipment.teams;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.equipment.teams.client.TeamsApi;
import cn.rescueforce.equipment.teams.client.model.Team;
import cn.rescueforce.kit.client.OtherService;
import cn.rescueforce.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Teams as teams-api knows them, through the client generated from openapi/teams-api.yaml (called with the
 * service account, see {@link OtherService}). A team's scope facts change rarely (a team does not move province
 * or host), so they are reused for {@code equipment.team-cache.ttl}, and so are its specialties (a changed
 * specialty reaches the compliance report within that time); a missing team is never cached, so a team
 * registered a moment ago is found. teams-api down, slow or refusing our service account is a 503, never a 500.
 */
@ApplicationScoped
public class TeamDirectory {

    private static final OtherService TEAMS_API = OtherService.named("teams-api");

    @Inject
    @RestClient
    TeamsApi teams;

    @Inject
    TeamCacheConfig config;

    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(TeamRef team, Instant until) {
    }

    /** The team, or 404 when teams-api does not know it; 503 when teams-api cannot answer. */
    public TeamRef get(UUID teamId) {
        Cached cached = cache.get(teamId);
        if (cached != null && Instant.now().isBefore(cached.until())) {
            return cached.team();
        }
        TeamRef team = fetch(teamId);
        if (!config.ttl().isZero()) {
            if (cache.size() >= config.maxEntries()) {
                cache.clear();
            }
            cache.put(teamId, new Cached(team, Instant.now().plus(config.ttl())));
        }
        return team;
    }

    private TeamRef fetch(UUID teamId) {
        Team team = TEAMS_API.call(() -> teams.getTeam(teamId, null), Map.of(404, () -> ProblemException.notFound(Text.of("team"), teamId)));
        return new TeamRef(team.getId(), team.getName(), TeamCategory.fromValue(team.getCategory().name()),
                team.getProvince(), team.getSupportingUnitId(),
                team.getSpecialties() == null ? List.of() : team.getSpecialties().stream().map(Object::toString).toList());
    }

    /** Forgets every cached team (tests, and after an outage when freshness matters). */
    public void forgetAll() {
        cache.clear();
    }
}
