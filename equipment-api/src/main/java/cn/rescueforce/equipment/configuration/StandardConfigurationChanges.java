package cn.rescueforce.equipment.configuration;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Standard configurations in the change feed, as {@code GET /api/v1/standard-configurations/{configurationId}} answers
 * them, to every level (StandardConfigurationService: every level reads them). A published version never changes, so
 * it has no entity version (its read has no ETag); publishing it makes the category's previous version no longer
 * {@code current}, which the contract's {@code standard-configuration.published} says instead of a second event.
 */
@ApplicationScoped
public class StandardConfigurationChanges implements ChangeSource {

    static final List<String> EVENT_TYPES = List.of("standard-configuration.published");

    @Inject
    StandardConfigurationService service;

    @Inject
    StandardConfigurationMapper mapper;

    @Override
    public String entityType() {
        return "StandardConfiguration";
    }

    @Override
    public List<String> eventTypes() {
        return EVENT_TYPES;
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("standard-configuration", action, EVENT_TYPES);
    }

    @Override
    public Representation represent(UUID id) {
        StandardConfiguration configuration = ChangeSource.asStored(StandardConfiguration.findById(id));
        if (configuration == null) {
            return null;
        }
        return Representation.of(mapper.toApi(configuration, service.isCurrent(configuration),
                service.typesOf(List.of(configuration))), null, Audience.everyone());
    }
}
