package cn.rescueforce.teams.nearest;

import cn.rescueforce.teams.api.model.GeoPoint;
import cn.rescueforce.teams.api.model.NearestTeam;
import cn.rescueforce.teams.api.model.PublicNearestTeam;
import cn.rescueforce.teams.geo.GreatCircle;

/** A team found near a location, for a caller with a token and for the public (no code, no headcount). */
public final class NearestTeamMapper {

    private NearestTeamMapper() {
    }

    public static NearestTeam toApi(NearestTeamSearch.Found found) {
        return new NearestTeam()
                .id(found.id())
                .code(found.code())
                .name(found.name())
                .category(found.category())
                .province(found.province())
                .baseCity(found.baseCity())
                .baseLocation(new GeoPoint(found.baseLat(), found.baseLon()))
                .dutyPhone(found.dutyPhone())
                .grade(found.grade())
                .headcount(found.headcount())
                .distanceKm(GreatCircle.rounded(found.distanceKm()));
    }

    public static PublicNearestTeam toPublic(NearestTeamSearch.Found found) {
        return new PublicNearestTeam()
                .id(found.id())
                .name(found.name())
                .category(found.category())
                .province(found.province())
                .baseCity(found.baseCity())
                .baseLocation(new GeoPoint(found.baseLat(), found.baseLon()))
                .dutyPhone(found.dutyPhone())
                .grade(found.grade())
                .distanceKm(GreatCircle.rounded(found.distanceKm()));
    }
}
