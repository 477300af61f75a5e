package cn.rescueforce.assessment.team;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.client.teams.TeamsApi;
import cn.rescueforce.assessment.client.teams.model.Team;
import cn.rescueforce.assessment.client.teams.model.TeamCategory;
import cn.rescueforce.assessment.client.teams.model.TeamPage;
import cn.rescueforce.kit.client.OtherService;
import cn.rescueforce.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Teams as teams-api knows them, read with the service account through the client generated from
 * openapi/teams-api.yaml. A team teams-api does not know is missing (404); teams-api down is a 503.
 */
@ApplicationScoped
public class TeamDirectory {

    private static final OtherService TEAMS_API = OtherService.named("teams-api");
    /** Enough for every national team many times over; the registry lists about a hundred. */
    private static final int MAX_PAGES = 100;
    private static final int PAGE_SIZE = 200;

    @Inject
    @RestClient
    TeamsApi teams;

    public Team get(UUID teamId) {
        return TEAMS_API.call(() -> teams.getTeam(teamId, null), Map.of(404, () -> ProblemException.notFound(Text.of("team"), teamId)));
    }

    /** Every team of a province (and category), or of the whole country when both are null. */
    public List<Team> all(String province, TeamCategory category) {
        List<Team> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            int current = page;
            TeamPage found = TEAMS_API.call(() -> teams.listTeams(current, PAGE_SIZE, "code,asc", category, province, null, null, null, null));
            all.addAll(found.getItems());
            if ((long) (page + 1) * PAGE_SIZE >= found.getTotal()) {
                break;
            }
        }
        return all;
    }
}
