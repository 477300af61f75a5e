package cn.rescueforce.teams.nearest;

import cn.rescueforce.teams.api.NearestTeamsApi;
import cn.rescueforce.teams.api.model.GeoPoint;
import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.NearestTeam;
import cn.rescueforce.teams.api.model.NearestTeamList;
import cn.rescueforce.teams.api.model.PublicNearestTeam;
import cn.rescueforce.teams.api.model.PublicNearestTeamList;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.team.Team;
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
                .map(NearestTeamResource::toApi).toList())).build();
    }

    @Override
    public Response findNearestPublicTeams(Double lat, Double lon, TeamCategory category, Grade minGrade, Integer limit) {
        return Response.ok(new PublicNearestTeamList(search.publicly(lat, lon, category, minGrade, limitOf(limit)).stream()
                .map(NearestTeamResource::toPublic).toList())).build();
    }

    private static int limitOf(Integer limit) {
        return limit == null ? 10 : limit;
    }

    static NearestTeam toApi(NearestTeamSearch.Found found) {
        Team team = found.team();
        return new NearestTeam()
                .id(team.id)
                .code(team.code)
                .name(team.name)
                .category(team.category)
                .province(team.province)
                .baseCity(team.baseCity)
                .baseLocation(new GeoPoint(team.baseLat, team.baseLon))
                .dutyPhone(team.dutyPhone)
                .grade(team.grade)
                .headcount(team.headcount)
                .distanceKm(km(found.distanceKm()));
    }

    static PublicNearestTeam toPublic(NearestTeamSearch.Found found) {
        Team team = found.team();
        return new PublicNearestTeam()
                .id(team.id)
                .name(team.name)
                .category(team.category)
                .province(team.province)
                .baseCity(team.baseCity)
                .baseLocation(new GeoPoint(team.baseLat, team.baseLon))
                .dutyPhone(team.dutyPhone)
                .grade(team.grade)
                .distanceKm(km(found.distanceKm()));
    }

    private static double km(double distance) {
        return Math.round(distance * 10) / 10.0;
    }
}
