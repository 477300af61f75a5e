package cn.rescueforce.teams.team;

import cn.rescueforce.teams.api.model.GeoPoint;
import cn.rescueforce.teams.api.model.Specialty;
import cn.rescueforce.teams.api.model.TeamProfile;
import cn.rescueforce.teams.api.model.TeamRegistration;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Teams and their lifecycle steps between the entities and the API models. */
public final class TeamMapper {

    private TeamMapper() {
    }

    public static Team.Profile profile(TeamRegistration registration) {
        return new Team.Profile(registration.getName(), specialtyNames(registration.getSpecialties()), registration.getBaseLocation().getLat(),
                registration.getBaseLocation().getLon(), registration.getBaseAddress(), registration.getBaseCity(),
                registration.getDutyPhone());
    }

    public static Team.Profile profile(TeamProfile profile) {
        return new Team.Profile(profile.getName(), specialtyNames(profile.getSpecialties()), profile.getBaseLocation().getLat(),
                profile.getBaseLocation().getLon(), profile.getBaseAddress(), profile.getBaseCity(), profile.getDutyPhone());
    }

    public static cn.rescueforce.teams.api.model.Team toApi(Team team, String unitName) {
        return new cn.rescueforce.teams.api.model.Team()
                .id(team.id)
                .code(team.code)
                .name(team.name)
                .category(team.category)
                .specialties(Arrays.stream(team.specialties).map(Specialty::fromValue).toList())
                .province(team.province)
                .supportingUnitId(team.supportingUnitId)
                .supportingUnitName(unitName)
                .baseLocation(baseLocation(team))
                .baseAddress(team.baseAddress)
                .baseCity(team.baseCity)
                .headcount(team.headcount)
                .dutyPhone(team.dutyPhone)
                .status(team.status)
                .readiness(team.readiness)
                .grade(team.grade)
                .gradeValidUntil(team.gradeValidUntil)
                .exitProposed(team.exitProposed)
                .createdAt(team.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(team.updatedAt.atOffset(ZoneOffset.UTC))
                .version(team.version);
    }

    public static cn.rescueforce.teams.api.model.TeamStatusChange toApi(TeamStatusChange step) {
        return new cn.rescueforce.teams.api.model.TeamStatusChange()
                .id(step.id)
                .action(step.action)
                .fromStatus(step.fromStatus)
                .toStatus(step.toStatus)
                .reason(step.reason)
                .actorSub(step.actorSub)
                .actorLevel(cn.rescueforce.teams.api.model.TeamStatusChange.ActorLevelEnum.fromValue(step.actorLevel.name()))
                .actorRegion(step.actorRegion)
                .at(step.at.atOffset(ZoneOffset.UTC));
    }

    /** The specialties as stored: the vocabulary's values (the contract's Specialty, checked when the body is read). */
    private static List<String> specialtyNames(List<Specialty> specialties) {
        return specialties == null ? null : specialties.stream().map(Specialty::toString).toList();
    }

    /** A team's base as the API gives it (the public directory and the nearest-team search show it too). */
    public static GeoPoint baseLocation(Team team) {
        return new GeoPoint(team.baseLat, team.baseLon);
    }
}
