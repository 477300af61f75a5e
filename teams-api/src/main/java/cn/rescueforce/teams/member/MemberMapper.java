package cn.rescueforce.teams.member;

import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.teams.api.model.MemberUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneOffset;

/**
 * Members between the entity and the API models; the ID number only ever leaves masked, the phone in full (to the
 * levels that may read members at all, MemberService). Both are decrypted here, for the answer only.
 */
@ApplicationScoped
public class MemberMapper {

    @Inject
    PersonalDataCipher cipher;

    public static Member.Changes changes(MemberUpdate update) {
        return new Member.Changes(update.getRole(), update.getTalentType(), update.getPhone(), update.getStatus(),
                update.getTrainingHours());
    }

    public cn.rescueforce.teams.api.model.Member toApi(Member member) {
        return new cn.rescueforce.teams.api.model.Member()
                .id(member.id)
                .teamId(member.teamId)
                .name(member.name)
                .role(member.role)
                .talentType(member.talentType)
                .idNumberMasked(IdNumber.masked(member.idNumber(cipher)))
                .phone(member.phone(cipher))
                .joinedOn(member.joinedOn)
                .status(member.status)
                .trainingHours(member.trainingHours)
                .createdAt(member.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(member.updatedAt.atOffset(ZoneOffset.UTC))
                .version(member.version);
    }
}
