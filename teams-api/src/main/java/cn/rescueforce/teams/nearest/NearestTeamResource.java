package cn.rescueforce.teams.nearest;

import cn.rescueforce.teams.api.NearestTeamsApi;
import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.NaturalDisasterType;
import cn.rescueforce.teams.api.model.NearestTeamList;
import cn.rescueforce.teams.api.model.PublicNearestTeamList;
import cn.rescueforce.teams.api.model.Specialty;
import cn.rescueforce.teams.api.model.SpecialtyMatch;
import cn.rescueforce.teams.api.model.TeamCategory;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The nearest capable teams: in the caller's scope with a token, or from the public directory without one. */
@ApplicationScoped
public class NearestTeamResource implements NearestTeamsApi {

    @Inject
    NearestTeamSearch search;

    @Override
    @Authenticated
    public Response findNearestTeams(Double lat, Double lon, TeamCategory category, Grade minGrade, List<Specialty> specialty,
                                     SpecialtyMatch specialtyMatch, NaturalDisasterType incidentType, Integer limit) {
        NearestTeamSearch.Criteria criteria = criteria(lat, lon, category, minGrade, specialty, specialtyMatch, incidentType, limit);
        return Response.ok(new NearestTeamList(search.inScope(criteria).stream().map(NearestTeamMapper::toApi).toList())).build();
    }

    @Override
    public Response findNearestPublicTeams(Double lat, Double lon, TeamCategory category, Grade minGrade, List<Specialty> specialty,
                                           SpecialtyMatch specialtyMatch, NaturalDisasterType incidentType, Integer limit) {
        NearestTeamSearch.Criteria criteria = criteria(lat, lon, category, minGrade, specialty, specialtyMatch, incidentType, limit);
        return Response.ok(new PublicNearestTeamList(search.publicly(criteria).stream().map(NearestTeamMapper::toPublic).toList())).build();
    }

    private static NearestTeamSearch.Criteria criteria(Double lat, Double lon, TeamCategory category, Grade minGrade,
                                                       List<Specialty> specialty, SpecialtyMatch match,
                                                       NaturalDisasterType incidentType, Integer limit) {
        return new NearestTeamSearch.Criteria(lat, lon, category, minGrade, specialty, match == null ? SpecialtyMatch.ANY : match,
                incidentType, limit == null ? 10 : limit);
    }
}
