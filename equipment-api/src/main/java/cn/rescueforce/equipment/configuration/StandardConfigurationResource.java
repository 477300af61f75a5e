package cn.rescueforce.equipment.configuration;

import cn.rescueforce.equipment.api.StandardConfigurationsApi;
import cn.rescueforce.equipment.api.model.StandardConfigurationInput;
import cn.rescueforce.equipment.api.model.TeamCategory;
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
public class StandardConfigurationResource implements StandardConfigurationsApi {

    @Inject
    StandardConfigurationService service;

    @Inject
    StandardConfigurationMapper mapper;

    @Inject
    IdempotentRequests idempotency;

    @Override
    public Response publishStandardConfiguration(StandardConfigurationInput input, String idempotencyKey) {
        return idempotency.execute(idempotencyKey, input, () -> {
            StandardConfiguration configuration = service.publish(input);
            return Response.created(URI.create("/api/v1/standard-configurations/" + configuration.id))
                    .entity(mapper.toApi(configuration, true, service.typesOf(List.of(configuration)))).build();
        });
    }

    @Override
    public Response getStandardConfiguration(UUID configurationId) {
        StandardConfiguration configuration = service.get(configurationId);
        return Response.ok(mapper.toApi(configuration, service.isCurrent(configuration), service.typesOf(List.of(configuration)))).build();
    }

    @Override
    public Response listStandardConfigurations(Integer page, Integer size, TeamCategory category, Boolean currentOnly) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("version"));
        PanacheQuery<StandardConfiguration> found = service.list(category, Boolean.TRUE.equals(currentOnly), request);
        List<StandardConfiguration> list = found.list();
        return Response.ok(mapper.page(list, service::isCurrent, service.typesOf(list), request, found.count())).build();
    }
}
