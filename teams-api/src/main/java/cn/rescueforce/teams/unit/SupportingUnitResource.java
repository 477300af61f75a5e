package cn.rescueforce.teams.unit;

import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.teams.api.SupportingUnitsApi;
import cn.rescueforce.teams.api.model.SupportingUnitInput;
import cn.rescueforce.teams.api.model.SupportingUnitPage;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class SupportingUnitResource implements SupportingUnitsApi {

    @Inject
    SupportingUnitService service;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response createSupportingUnit(SupportingUnitInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            SupportingUnit unit = service.register(SupportingUnitMapper.details(input));
            return ETags.created(URI.create("/api/v1/supporting-units/" + unit.id), SupportingUnitMapper.toApi(unit), unit.version);
        });
    }

    @Override
    public Response getSupportingUnit(UUID unitId, String ifNoneMatch) {
        SupportingUnit unit = service.get(unitId);
        return ETags.read(ifNoneMatch, unit.version, () -> SupportingUnitMapper.toApi(unit));
    }

    @Override
    public Response listSupportingUnits(Integer page, Integer size, String sort, String province, String q) {
        PageRequest request = PageRequest.of(page, size, sort, SupportingUnitService.SORTABLE, SupportingUnitService.defaultSort());
        PanacheQuery<SupportingUnit> found = service.list(province, q, request);
        return Response.ok(new SupportingUnitPage(
                found.list().stream().map(SupportingUnitMapper::toApi).toList(), request.page(), request.size(), found.count())).build();
    }

    @Override
    public Response updateSupportingUnit(UUID unitId, SupportingUnitInput input, String ifMatch) {
        SupportingUnit unit = service.update(unitId, ifMatch, SupportingUnitMapper.details(input));
        return ETags.ok(SupportingUnitMapper.toApi(unit), unit.version);
    }
}
