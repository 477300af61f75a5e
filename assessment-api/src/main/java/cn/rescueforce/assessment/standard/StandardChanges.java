package cn.rescueforce.assessment.standard;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Standards in the change feed: as {@code GET /api/v1/standards/{standardId}} answers them (with their sections), to
 * every level, as every authenticated caller reads standards ({@link StandardService#get}).
 */
@ApplicationScoped
public class StandardChanges implements ChangeSource {

    @Inject
    StandardMapper mapper;

    @Override
    public String entityType() {
        return "Standard";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("standard.drafted", "standard.updated", "standard.published", "standard.retired");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("standard", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        Standard standard = Standard.findById(id);
        if (standard == null) {
            return null;
        }
        ChangeSource.asStored(standard);
        return Representation.of(mapper.toApi(standard, true), standard.version, Audience.everyone());
    }
}
