package cn.rescueforce.assessment.standard;

import cn.rescueforce.assessment.api.StandardsApi;
import cn.rescueforce.assessment.api.model.StandardInput;
import cn.rescueforce.assessment.api.model.StandardPage;
import cn.rescueforce.assessment.api.model.StandardStatus;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class StandardResource implements StandardsApi {

    @Inject
    StandardService service;

    @Inject
    StandardMapper mapper;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response createStandard(StandardInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            Standard standard = service.draft(input);
            return ETags.created(URI.create("/api/v1/standards/" + standard.id), mapper.toApi(standard, true), standard.version);
        });
    }

    @Override
    public Response getStandard(UUID standardId, String ifNoneMatch) {
        Standard standard = service.get(standardId);
        return ETags.read(ifNoneMatch, standard.version, () -> mapper.toApi(standard, true));
    }

    @Override
    public Response listStandards(Integer page, Integer size, String sort, TeamCategory category, StandardStatus status, String code) {
        PageRequest request = PageRequest.of(page, size, sort, StandardService.SORTABLE, StandardService.defaultSort());
        PanacheQuery<Standard> found = service.list(category, status, code, request);
        return Response.ok(new StandardPage(found.list().stream().map(s -> mapper.toApi(s, false)).toList(),
                request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response updateStandard(UUID standardId, StandardInput input, String ifMatch) {
        Standard standard = service.update(standardId, ifMatch, input);
        return ETags.ok(mapper.toApi(standard, true), standard.version);
    }

    @Override
    public Response publishStandard(UUID standardId, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, null, () -> respond(service.publish(standardId)));
    }

    @Override
    public Response retireStandard(UUID standardId, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, null, () -> respond(service.retire(standardId)));
    }

    private Response respond(Standard standard) {
        return ETags.ok(mapper.toApi(standard, true), standard.version);
    }
}
