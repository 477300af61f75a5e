package cn.rescueforce.teams.member;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
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
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class MemberResource implements MembersApi {

    @Inject
    MemberService service;

    @Inject
    IdempotentRequests idempotency;

    @Inject
    MemberMapper mapper;

    @Override
    public Response addMember(UUID teamId, MemberInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            Member member = service.add(teamId, input);
            return ETags.created(URI.create("/api/v1/members/" + member.id), mapper.toApi(member), member.version);
        });
    }

    @Override
    public Response getMember(UUID memberId, String ifNoneMatch) {
        Member member = service.get(memberId);
        return ETags.read(ifNoneMatch, member.version, () -> mapper.toApi(member));
    }

    @Override
    public Response listMembers(UUID teamId, Integer page, Integer size, String sort, MemberStatus status,
                                TalentType talentType, MemberRole role, String q) {
        PageRequest request = PageRequest.of(page, size, sort, MemberService.SORTABLE, MemberService.defaultSort());
        PanacheQuery<Member> found = service.list(teamId, new MemberService.Filter(status, talentType, role, q), request);
        return Response.ok(new MemberPage(found.list().stream().map(mapper::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response updateMember(UUID memberId, MemberUpdate update, String ifMatch) {
        Member member = service.update(memberId, ifMatch, MemberMapper.changes(update));
        return ETags.ok(mapper.toApi(member), member.version);
    }
}
