package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.kit.changes.ChangeSource;
import cn.rescueforce.kit.security.ManagementLevel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * The national targets in the change feed, as {@code GET /api/v1/figures/targets} answers them, to every level that
 * reads figures.
 */
@ApplicationScoped
public class FigureTargetChanges implements ChangeSource {

    static final String ENTITY_TYPE = "FigureTargets";

    @Override
    public String entityType() {
        return "FigureTargets";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("figures.target-set");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("figures", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        FigureTargetSet set = ChangeSource.asStored(FigureTargetSet.current());
        if (set == null) {
            return null;
        }
        return Representation.of(FigureMapper.toApi(set), set.version, Audience.everyone()
                .onlyLevels(ManagementLevel.PROVINCIAL, ManagementLevel.MINE_SAFETY, ManagementLevel.UNIT));
    }
}
