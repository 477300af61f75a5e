package cn.rescueforce.equipment.configuration;

import cn.rescueforce.equipment.api.StandardConfigurationsApi;
import cn.rescueforce.equipment.api.model.StandardConfigurationInput;
import cn.rescueforce.equipment.api.model.StandardConfigurationLine;
import cn.rescueforce.equipment.api.model.StandardConfigurationPage;
import cn.rescueforce.equipment.api.model.TeamCategory;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.kit.idempotency.IdempotentCreation;
import cn.rescueforce.kit.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@Authenticated
public class StandardConfigurationResource implements StandardConfigurationsApi {

    @Inject
    StandardConfigurationService service;

    @Inject
    IdempotentCreation idempotency;

    @Override
    public Response publishStandardConfiguration(StandardConfigurationInput input, String idempotencyKey) {
        return idempotency.create(idempotencyKey, input, () -> {
            StandardConfiguration configuration = service.publish(input);
            return Response.created(URI.create("/api/v1/standard-configurations/" + configuration.id))
                    .entity(toApi(configuration, true, service.typesOf(List.of(configuration)))).build();
        });
    }

    @Override
    public Response getStandardConfiguration(UUID configurationId) {
        StandardConfiguration configuration = service.get(configurationId);
        return Response.ok(toApi(configuration, service.isCurrent(configuration), service.typesOf(List.of(configuration)))).build();
    }

    @Override
    public Response listStandardConfigurations(Integer page, Integer size, TeamCategory category, Boolean currentOnly) {
        PageRequest request = PageRequest.of(page, size, null, Map.of(), Sort.by("version"));
        PanacheQuery<StandardConfiguration> found = service.list(category, Boolean.TRUE.equals(currentOnly), request);
        List<StandardConfiguration> list = found.list();
        Map<UUID, EquipmentType> types = service.typesOf(list);
        return Response.ok(new StandardConfigurationPage(list.stream().map(c -> toApi(c, service.isCurrent(c), types)).toList(),
                request.page(), request.size(), found.count())).build();
    }

    static cn.rescueforce.equipment.api.model.StandardConfiguration toApi(StandardConfiguration configuration, boolean current,
                                                                          Map<UUID, EquipmentType> types) {
        return new cn.rescueforce.equipment.api.model.StandardConfiguration()
                .id(configuration.id)
                .category(configuration.category)
                .version(configuration.version)
                .title(configuration.title)
                .current(current)
                .lines(configuration.lines.stream().map(line -> new StandardConfigurationLine()
                        .equipmentTypeCode(types.get(line.equipmentTypeId).code)
                        .equipmentTypeName(types.get(line.equipmentTypeId).name)
                        .minimumQuantity(line.minimumQuantity)).toList())
                .publishedAt(configuration.publishedAt.atOffset(ZoneOffset.UTC))
                .publishedBy(configuration.publishedBy);
    }
}
