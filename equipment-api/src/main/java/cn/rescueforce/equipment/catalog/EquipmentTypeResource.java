package cn.rescueforce.equipment.catalog;

import cn.rescueforce.equipment.api.EquipmentTypesApi;
import cn.rescueforce.equipment.api.model.EquipmentGroup;
import cn.rescueforce.equipment.api.model.EquipmentTypeInput;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentRequests;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Map;

@ApplicationScoped
@Authenticated
public class EquipmentTypeResource implements EquipmentTypesApi {

    @Inject
    EquipmentTypeService service;

    @Inject
    EquipmentTypeMapper mapper;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response createEquipmentType(EquipmentTypeInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            EquipmentType type = service.create(input);
            return ETags.created(URI.create("/api/v1/equipment-types/" + type.code), mapper.toApi(type), type.version);
        });
    }

    @Override
    public Response getEquipmentType(String typeCode, String ifNoneMatch) {
        EquipmentType type = service.get(typeCode);
        return ETags.read(ifNoneMatch, type.version, () -> mapper.toApi(type));
    }

    @Override
    public Response listEquipmentTypes(Integer page, Integer size, EquipmentGroup group, String q) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("code"));
        PanacheQuery<EquipmentType> found = service.list(group, q, request);
        return Response.ok(mapper.page(found.list(), request, found.count())).build();
    }

    @Override
    public Response updateEquipmentType(String typeCode, EquipmentTypeInput input, String ifMatch) {
        EquipmentType type = service.update(typeCode, ifMatch, input);
        return ETags.ok(mapper.toApi(type), type.version);
    }
}
