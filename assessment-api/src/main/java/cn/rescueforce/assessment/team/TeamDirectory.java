package cn.rescueforce.assessment.team;

import cn.rescueforce.assessment.client.teams.ApiException;
import cn.rescueforce.assessment.client.teams.TeamsApi;
import cn.rescueforce.assessment.client.teams.model.Team;
import cn.rescueforce.assessment.client.teams.model.TeamCategory;
import cn.rescueforce.assessment.client.teams.model.TeamPage;
import cn.rescueforce.kit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Teams as teams-api knows them, read with the service account through the client generated from
 * openapi/teams-api.yaml. A team teams-api does not know is missing (404); teams-api down is a 503.
 */
@ApplicationScoped
public class TeamDirectory {

    private static final Logger LOG = Logger.getLogger(TeamDirectory.class);
    /** Enough for every national team many times over; the registry lists about a hundred. */
    private static final int MAX_PAGES = 100;

    @Inject
    @RestClient
    TeamsApi teams;

    public Team get(UUID teamId) {
        try {
            return teams.getTeam(teamId, null);
        } catch (ApiException e) {
            if (e.getResponse() != null && e.getResponse().getStatus() == 404) {
                throw ProblemException.notFound("team", teamId);
            }
            throw unavailable(e);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** Every team of a province (and category), or of the whole country when both are null. */
    public List<Team> all(String province, TeamCategory category) {
        List<Team> all = new ArrayList<>();
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                TeamPage found = teams.listTeams(page, 200, "code,asc", category, province, null, null, null, null);
                all.addAll(found.getItems());
                if ((long) (page + 1) * 200 >= found.getTotal()) {
                    break;
                }
            }
        } catch (ApiException | RuntimeException e) {
            throw unavailable(e);
        }
        return all;
    }

    private static ProblemException unavailable(Exception e) {
        LOG.warnf("teams-api call failed: %s", e.toString());
        return ProblemException.unavailable("teams-api cannot be reached or did not answer in time; retry later");
    }
}
