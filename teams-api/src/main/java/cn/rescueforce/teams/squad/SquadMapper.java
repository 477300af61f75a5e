package cn.rescueforce.teams.squad;

import cn.rescueforce.teams.api.model.DutySquad;
import cn.rescueforce.teams.api.model.SquadInput;
import cn.rescueforce.teams.api.model.SquadMember;
import cn.rescueforce.teams.api.model.SquadWarning;
import cn.rescueforce.teams.member.Member;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Squads and duty periods between the entities and the API models. */
public final class SquadMapper {

    private SquadMapper() {
    }

    public static Squad.Formation formation(SquadInput input) {
        return Squad.Formation.of(input.getName(), input.getLeaderId(), input.getMemberIds());
    }

    public static cn.rescueforce.teams.api.model.Squad toApi(SquadService.Composition composition) {
        Squad squad = composition.squad();
        return new cn.rescueforce.teams.api.model.Squad()
                .id(squad.id)
                .teamId(squad.teamId)
                .name(squad.name)
                .leader(member(composition.leader()))
                .members(composition.members().stream()
                        .filter(m -> squad.memberIds.contains(m.id) || !squad.isDisbanded())
                        .map(SquadMapper::member).toList())
                .activeMembers(composition.activeMembers())
                .warnings(composition.warnings().stream().map(w -> new SquadWarning(w.code(), w.message())).toList())
                .disbandedAt(time(squad.disbandedAt))
                .createdAt(time(squad.createdAt))
                .updatedAt(time(squad.updatedAt))
                .version(squad.version);
    }

    public static cn.rescueforce.teams.api.model.DutyPeriod toApi(DutyRosterService.Entry entry) {
        DutyPeriod period = entry.period();
        return new cn.rescueforce.teams.api.model.DutyPeriod()
                .id(period.id)
                .teamId(period.teamId)
                .squadId(period.squadId)
                .squadName(entry.squadName())
                .startsAt(time(period.startsAt))
                .endsAt(time(period.endsAt))
                .cancelledAt(time(period.cancelledAt))
                .createdAt(time(period.createdAt))
                .version(period.version);
    }

    public static DutySquad toApi(DutyRosterService.OnDuty onDuty) {
        DutySquad answer = new DutySquad().teamId(onDuty.teamId()).at(time(onDuty.at())).onDuty(onDuty.entry() != null);
        if (onDuty.entry() != null) {
            answer.period(toApi(onDuty.entry())).squad(toApi(onDuty.squad()));
        }
        return answer;
    }

    private static SquadMember member(Member member) {
        return new SquadMember().memberId(member.id).name(member.name).role(member.role).status(member.status);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
