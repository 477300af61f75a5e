package cn.rescueforce.teams.member;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentCreation;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.MembersApi;
import cn.rescueforce.teams.api.model.MemberInput;
import cn.rescueforce.teams.api.model.MemberPage;
import cn.rescueforce.teams.api.model.MemberRole;
import cn.rescueforce.teams.api.model.MemberStatus;
import cn.rescueforce.teams.api.model.MemberUpdate;
import cn.rescueforce.teams.api.model.TalentType;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class MemberResource implements MembersApi {

    @Inject
    MemberService service;

    @Inject
    IdempotentCreation idempotency;

    @Override
    public Response addMember(UUID teamId, MemberInput input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, input, () -> {
            Member member = service.add(teamId, input);
            return ETags.created(URI.create("/api/v1/members/" + member.id), toApi(member), member.version);
        });
    }

    @Override
    public Response getMember(UUID memberId, String ifNoneMatch) {
        Member member = service.get(memberId);
        return ETags.read(ifNoneMatch, member.version, () -> toApi(member));
    }

    @Override
    public Response listMembers(UUID teamId, Integer page, Integer size, String sort, MemberStatus status,
                                TalentType talentType, MemberRole role, String q) {
        PageRequest request = PageRequest.of(page, size, sort, MemberService.SORTABLE, MemberService.defaultSort());
        PanacheQuery<Member> found = service.list(teamId, new MemberService.Filter(status, talentType, role, q), request);
        return Response.ok(new MemberPage(found.list().stream().map(MemberResource::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response updateMember(UUID memberId, MemberUpdate update, String ifMatch) {
        Member member = service.update(memberId, ifMatch, update);
        return ETags.ok(toApi(member), member.version);
    }

    static cn.rescueforce.teams.api.model.Member toApi(Member member) {
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
