package cn.rescueforce.teams.directory;

import cn.rescueforce.teams.api.model.PublicTeam;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamMapper;

/** A team as the public directory shows it: no code, no members, no personal data. */
public final class PublicDirectoryMapper {

    private PublicDirectoryMapper() {
    }

    public static PublicTeam toApi(Team team) {
        return new PublicTeam()
                .id(team.id)
                .name(team.name)
                .category(team.category)
                .province(team.province)
                .baseCity(team.baseCity)
                .baseLocation(TeamMapper.baseLocation(team))
                .dutyPhone(team.dutyPhone);
    }
}
