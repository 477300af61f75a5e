package cn.rescueforce.teams.nearest;

import cn.rescueforce.teams.api.NearestTeamsApi;
import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.NearestTeamList;
import cn.rescueforce.teams.api.model.PublicNearestTeamList;
import cn.rescueforce.teams.api.model.TeamCategory;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/** The nearest capable teams: in the caller's scope with a token, or from the public directory without one. */
@ApplicationScoped
public class NearestTeamResource implements NearestTeamsApi {

    @Inject
    NearestTeamSearch search;

    @Override
    @Authenticated
    public Response findNearestTeams(Double lat, Double lon, TeamCategory category, Grade minGrade, Integer limit) {
        return Response.ok(new NearestTeamList(search.inScope(lat, lon, category, minGrade, limitOf(limit)).stream()
                .map(NearestTeamMapper::toApi).toList())).build();
    }

    @Override
    public Response findNearestPublicTeams(Double lat, Double lon, TeamCategory category, Grade minGrade, Integer limit) {
        return Response.ok(new PublicNearestTeamList(search.publicly(lat, lon, category, minGrade, limitOf(limit)).stream()
                .map(NearestTeamMapper::toPublic).toList())).build();
    }

    private static int limitOf(Integer limit) {
        return limit == null ? 10 : limit;
    }
}
