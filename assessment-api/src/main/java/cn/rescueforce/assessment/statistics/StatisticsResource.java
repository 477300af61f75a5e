package cn.rescueforce.assessment.statistics;

import cn.rescueforce.assessment.api.StatisticsApi;
import cn.rescueforce.assessment.api.model.TeamCategory;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

@ApplicationScoped
@Authenticated
public class StatisticsResource implements StatisticsApi {

    @Inject
    GradeStatisticsService statistics;

    @Override
    public Response getGradeStatistics(String province, TeamCategory category) {
        return Response.ok(statistics.compute(province, category)).build();
    }
}
