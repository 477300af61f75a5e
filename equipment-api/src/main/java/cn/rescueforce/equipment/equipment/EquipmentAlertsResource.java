package cn.rescueforce.equipment.equipment;

import cn.rescueforce.equipment.api.EquipmentAlertsApi;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class EquipmentAlertsResource implements EquipmentAlertsApi {

    static final int DEFAULT_HORIZON_DAYS = 90;

    @Inject
    EquipmentService service;

    @Inject
    EquipmentMapper mapper;

    @Override
    public Response listOverdueInspections(Integer page, Integer size, String province, UUID teamId) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("nextInspectionDue"));
        return TeamEquipmentResource.page(service.overdueInspections(new EquipmentService.AlertFilter(province, teamId), request),
                request, service, mapper);
    }

    @Override
    public Response listExpiringEquipment(Integer page, Integer size, Integer withinDays, String province, UUID teamId) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("expiresOn"));
        return TeamEquipmentResource.page(service.expiring(new EquipmentService.AlertFilter(province, teamId),
                withinDays == null ? DEFAULT_HORIZON_DAYS : withinDays, request), request, service, mapper);
    }
}
