package cn.rescueforce.teams.member;

import cn.rescueforce.teams.api.model.MemberUpdate;

import java.time.ZoneOffset;

/** Members between the entity and the API models; the ID number only ever leaves masked. */
public final class MemberMapper {

    private MemberMapper() {
    }

    public static Member.Changes changes(MemberUpdate update) {
        return new Member.Changes(update.getRole(), update.getTalentType(), update.getPhone(), update.getStatus(),
                update.getTrainingHours());
    }

    public static cn.rescueforce.teams.api.model.Member toApi(Member member) {
        return new cn.rescueforce.teams.api.model.Member()
                .id(member.id)
                .teamId(member.teamId)
                .name(member.name)
                .role(member.role)
                .talentType(member.talentType)
                .idNumberMasked(IdNumber.masked(member.idNumber))
                .phone(member.phone)
                .joinedOn(member.joinedOn)
                .status(member.status)
                .trainingHours(member.trainingHours)
                .createdAt(member.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(member.updatedAt.atOffset(ZoneOffset.UTC))
                .version(member.version);
    }
}
