package cn.rescueforce.equipment.compliance;

import cn.rescueforce.equipment.api.ComplianceApi;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

@ApplicationScoped
@Authenticated
public class ComplianceResource implements ComplianceApi {

    @Inject
    ComplianceService service;

    @Override
    public Response getTeamCompliance(UUID teamId) {
        return Response.ok(service.report(teamId)).build();
    }
}
