package cn.rescueforce.equipment.compliance;

import cn.rescueforce.equipment.api.ComplianceSummaryApi;
import cn.rescueforce.equipment.api.model.ComplianceSummaryRequest;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

@ApplicationScoped
@Authenticated
public class ComplianceSummaryResource implements ComplianceSummaryApi {

    @Inject
    ComplianceSummaryService service;

    @Override
    public Response summarizeCompliance(ComplianceSummaryRequest request) {
        return Response.ok(service.summarize(request)).build();
    }
}
