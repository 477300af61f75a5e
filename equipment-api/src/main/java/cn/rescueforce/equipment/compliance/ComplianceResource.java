package cn.rescueforce.equipment.compliance;

import cn.rescueforce.equipment.api.ComplianceApi;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class ComplianceResource implements ComplianceApi {

    @Inject
    ComplianceService service;

    @Inject
    ComplianceMapper mapper;

    @Override
    public Response getTeamCompliance(UUID teamId) {
        return Response.ok(mapper.toApi(service.measure(teamId), Instant.now())).build();
    }
}
