package cn.rescueforce.equipment.equipment;

import cn.rescueforce.equipment.api.TeamEquipmentApi;
import cn.rescueforce.equipment.api.model.EquipmentItemInput;
import cn.rescueforce.equipment.api.model.EquipmentItemPage;
import cn.rescueforce.equipment.api.model.EquipmentItemUpdate;
import cn.rescueforce.equipment.api.model.EquipmentStatus;
import cn.rescueforce.equipment.api.model.InspectionInput;
import cn.rescueforce.equipment.api.model.InspectionPage;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.idempotency.IdempotentCreation;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class TeamEquipmentResource implements TeamEquipmentApi {

    @Inject
    EquipmentService service;

    @Inject
    IdempotentCreation idempotency;

    @Override
    public Response registerEquipmentItem(UUID teamId, EquipmentItemInput input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, input, () -> {
            EquipmentItem item = service.register(teamId, input);
            return ETags.created(URI.create("/api/v1/teams/" + teamId + "/equipment/" + item.id),
                    toApi(item, service.typesOf(List.of(item)), EquipmentService.today()), item.version);
        });
    }

    @Override
    public Response getEquipmentItem(UUID teamId, UUID itemId, String ifNoneMatch) {
        EquipmentItem item = service.get(teamId, itemId);
        return ETags.read(ifNoneMatch, item.version, () -> toApi(item, service.typesOf(List.of(item)), EquipmentService.today()));
    }

    @Override
    public Response listTeamEquipment(UUID teamId, Integer page, Integer size, EquipmentStatus status, String equipmentTypeCode) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("serialNumber"));
        return page(service.list(teamId, status, equipmentTypeCode, request), request, service);
    }

    @Override
    public Response updateEquipmentItem(UUID teamId, UUID itemId, EquipmentItemUpdate update, String ifMatch) {
        EquipmentItem item = service.update(teamId, itemId, ifMatch, update);
        return ETags.ok(toApi(item, service.typesOf(List.of(item)), EquipmentService.today()), item.version);
    }

    @Override
    public Response recordInspection(UUID teamId, UUID itemId, InspectionInput input) {
        Inspection inspection = service.recordInspection(teamId, itemId, input);
        return Response.created(URI.create("/api/v1/teams/" + teamId + "/equipment/" + itemId + "/inspections"))
                .entity(toApi(inspection)).build();
    }

    @Override
    public Response listInspections(UUID teamId, UUID itemId, Integer page, Integer size) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("performedOn"));
        PanacheQuery<Inspection> found = service.inspections(teamId, itemId, request);
        return Response.ok(new InspectionPage(found.list().stream().map(TeamEquipmentResource::toApi).toList(),
                request.page(), request.size(), found.count())).build();
    }

    static Response page(PanacheQuery<EquipmentItem> found, PageRequest request, EquipmentService service) {
        List<EquipmentItem> list = found.list();
        Map<UUID, EquipmentType> types = service.typesOf(list);
        LocalDate today = EquipmentService.today();
        return Response.ok(new EquipmentItemPage(list.stream().map(i -> toApi(i, types, today)).toList(),
                request.page(), request.size(), found.count())).build();
    }

    static cn.rescueforce.equipment.api.model.EquipmentItem toApi(EquipmentItem item, Map<UUID, EquipmentType> types, LocalDate today) {
        EquipmentType type = types.get(item.equipmentTypeId);
        return new cn.rescueforce.equipment.api.model.EquipmentItem()
                .id(item.id)
                .teamId(item.teamId)
                .province(item.teamProvince)
                .equipmentTypeCode(type.code)
                .equipmentTypeName(type.name)
                .serialNumber(item.serialNumber)
                .status(item.status)
                .acquiredOn(item.acquiredOn)
                .expiresOn(item.expiresOn)
                .lastInspectedOn(item.lastInspectedOn)
                .nextInspectionDue(item.nextInspectionDue)
                .inspectionOverdue(item.inspectionOverdue(today))
                .note(item.note)
                .createdAt(item.createdAt.atOffset(ZoneOffset.UTC))
                .updatedAt(item.updatedAt.atOffset(ZoneOffset.UTC))
                .version(item.version);
    }

    static cn.rescueforce.equipment.api.model.Inspection toApi(Inspection inspection) {
        return new cn.rescueforce.equipment.api.model.Inspection()
                .id(inspection.id)
                .itemId(inspection.itemId)
                .kind(inspection.kind)
                .performedOn(inspection.performedOn)
                .result(inspection.result)
                .inspector(inspection.inspector)
                .notes(inspection.notes)
                .recordedBy(inspection.recordedBy)
                .recordedAt(inspection.recordedAt.atOffset(ZoneOffset.UTC));
    }
}
