package cn.rescueforce.equipment.equipment;

import cn.rescueforce.equipment.api.TeamEquipmentApi;
import cn.rescueforce.equipment.api.model.EquipmentItemInput;
import cn.rescueforce.equipment.api.model.EquipmentItemUpdate;
import cn.rescueforce.equipment.api.model.EquipmentStatus;
import cn.rescueforce.equipment.api.model.InspectionInput;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class TeamEquipmentResource implements TeamEquipmentApi {

    @Inject
    EquipmentService service;

    @Inject
    EquipmentMapper mapper;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response registerEquipmentItem(UUID teamId, EquipmentItemInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            EquipmentItem item = service.register(teamId, input);
            return ETags.created(URI.create("/api/v1/teams/" + teamId + "/equipment/" + item.id), toApi(item), item.version);
        });
    }

    @Override
    public Response getEquipmentItem(UUID teamId, UUID itemId, String ifNoneMatch) {
        EquipmentItem item = service.get(teamId, itemId);
        return ETags.read(ifNoneMatch, item.version, () -> toApi(item));
    }

    @Override
    public Response listTeamEquipment(UUID teamId, Integer page, Integer size, EquipmentStatus status, String equipmentTypeCode) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("serialNumber"));
        return page(service.list(teamId, status, equipmentTypeCode, request), request, service, mapper);
    }

    @Override
    public Response updateEquipmentItem(UUID teamId, UUID itemId, EquipmentItemUpdate update, String ifMatch) {
        EquipmentItem item = service.update(teamId, itemId, ifMatch, update);
        return ETags.ok(toApi(item), item.version);
    }

    @Override
    public Response recordInspection(UUID teamId, UUID itemId, InspectionInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            Inspection inspection = service.recordInspection(teamId, itemId, input);
            return Response.created(URI.create("/api/v1/teams/" + teamId + "/equipment/" + itemId + "/inspections"))
                    .entity(mapper.toApi(inspection)).build();
        });
    }

    @Override
    public Response listInspections(UUID teamId, UUID itemId, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("performedOn"));
        PanacheQuery<Inspection> found = service.inspections(teamId, itemId, request);
        return Response.ok(mapper.inspectionPage(found.list(), request, found.count())).build();
    }

    /** A page of items, as team lists and equipment alerts answer it. */
    static Response page(PanacheQuery<EquipmentItem> found, PageRequest request, EquipmentService service, EquipmentMapper mapper) {
        List<EquipmentItem> list = found.list();
        return Response.ok(mapper.page(list, service.typesOf(list), EquipmentService.today(), request, found.count())).build();
    }

    private cn.rescueforce.equipment.api.model.EquipmentItem toApi(EquipmentItem item) {
        return mapper.toApi(item, service.typesOf(List.of(item)), EquipmentService.today());
    }
}
