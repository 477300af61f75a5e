package cn.rescueforce.teams.readiness;

import cn.rescueforce.teams.api.ReadinessChecksApi;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.UUID;

@ApplicationScoped
@Authenticated
public class ReadinessCheckResource implements ReadinessChecksApi {

    @Inject
    ReadinessCheckService service;

    @Override
    public Response checkTeamReadiness(UUID teamId) {
        return Response.ok(service.check(teamId)).build();
    }
}
