package cn.rescueforce.teams.member;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.kit.security.TeamScope;
import cn.rescueforce.teams.team.Team;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Members in the change feed (added, updated, training hours recorded), as {@code GET /api/v1/members/{memberId}}
 * answers them: the ID number masked, the phone in full ({@link MemberMapper}). Only the levels that read members
 * at all ({@code MemberService.get}: the team editors) whose scope covers the member's team see them; the body holds
 * personal data, so the feed keeps it encrypted.
 */
@ApplicationScoped
public class MemberChanges implements ChangeSource {

    @Inject
    MemberMapper mapper;

    @Override
    public String entityType() {
        return "Member";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("member.added", "member.updated", "member.training-recorded");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("member", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        Member member = Member.findById(id);
        if (member == null) {
            return null;
        }
        ChangeSource.asStored(member);
        Team team = Team.findById(member.teamId);
        return Representation.withPersonalData(mapper.toApi(member), member.version,
                Audience.team(team.province, TeamScope.isMining(team.category), team.supportingUnitId)
                        .onlyLevels(ManagementLevel.PROVINCIAL, ManagementLevel.MINE_SAFETY, ManagementLevel.UNIT));
    }
}
