package cn.rescueforce.teams.bulk;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.member.MemberMapper;
import cn.rescueforce.teams.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * TEST STAND-IN, to delete once members have their own change source (teams-api member/MemberChanges): the change
 * feed's core refuses an audited change without one, and the bulk tests add members. Two sources for "Member" fail
 * the start ("two change sources for Member"), so a merge that brings the real one cannot miss this file.
 */
@ApplicationScoped
public class MemberChangesForBulkTests implements ChangeSource {

    @Inject
    MemberMapper mapper;

    @Override
    public String entityType() {
        return "Member";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("member.added", "member.updated");
    }

    @Override
    public String eventType(String action) {
        return "member." + action.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    public Representation represent(UUID id) {
        Member member = Member.findById(id);
        if (member == null) {
            return null;
        }
        Team team = Team.findById(member.teamId);
        return Representation.withPersonalData(mapper.toApi(member), member.version,
                Audience.team(team.province, TeamScope.isMining(team.category), team.supportingUnitId)
                        .onlyLevels(ManagementLevel.NATIONAL, ManagementLevel.PROVINCIAL, ManagementLevel.MINE_SAFETY,
                                ManagementLevel.UNIT));
    }
}
