package cn.rescueforce.assessment.grade;

import cn.rescueforce.assessment.api.GradesApi;
import cn.rescueforce.assessment.api.model.ExpiringGradePage;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.LocalDate;
import java.time.ZoneOffset;

@ApplicationScoped
@Authenticated
public class ExpiringGradeResource implements GradesApi {

    /** The horizon when the caller names none. */
    private static final int DEFAULT_WITHIN_DAYS = 90;

    @Inject
    ExpiringGradeService service;

    @Inject
    GradeMapper mapper;

    @Override
    public Response listExpiringGrades(Integer page, Integer size, Integer withinDays) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate horizon = today.plusDays(withinDays == null ? DEFAULT_WITHIN_DAYS : withinDays);
        ExpiringGradeService.ExpiringTeams found = service.expiringBy(horizon, page, size);
        return Response.ok(new ExpiringGradePage(found.items().stream().map(t -> mapper.expiring(t, today)).toList(),
                found.page().page(), found.page().size(), found.total())).build();
    }
}
