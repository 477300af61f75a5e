package cn.rescueforce.teams.nearest;

import cn.rescueforce.teams.api.model.NearestTeam;
import cn.rescueforce.teams.api.model.PublicNearestTeam;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamMapper;

/** A team found near a location, for a caller with a token and for the public (no code, no headcount). */
public final class NearestTeamMapper {

    private NearestTeamMapper() {
    }

    public static NearestTeam toApi(NearestTeamSearch.Found found) {
        Team team = found.team();
        return new NearestTeam()
                .id(team.id)
                .code(team.code)
                .name(team.name)
                .category(team.category)
                .province(team.province)
                .baseCity(team.baseCity)
                .baseLocation(TeamMapper.baseLocation(team))
                .dutyPhone(team.dutyPhone)
                .grade(team.grade)
                .headcount(team.headcount)
                .distanceKm(km(found.distanceKm()));
    }

    public static PublicNearestTeam toPublic(NearestTeamSearch.Found found) {
        Team team = found.team();
        return new PublicNearestTeam()
                .id(team.id)
                .name(team.name)
                .category(team.category)
                .province(team.province)
                .baseCity(team.baseCity)
                .baseLocation(TeamMapper.baseLocation(team))
                .dutyPhone(team.dutyPhone)
                .grade(team.grade)
                .distanceKm(km(found.distanceKm()));
    }

    /** Distances to a tenth of a kilometre. */
    private static double km(double distance) {
        return Math.round(distance * 10) / 10.0;
    }
}
