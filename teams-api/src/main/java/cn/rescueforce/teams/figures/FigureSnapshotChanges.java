package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.changes.ChangeSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * Monthly snapshots in the change feed, as {@code GET /api/v1/figures/series} answers each point, to whoever's team
 * scope covers the snapshot's scope ({@link SnapshotScope#audience()}).
 */
@ApplicationScoped
public class FigureSnapshotChanges implements ChangeSource {

    static final String ENTITY_TYPE = "FigureSnapshot";

    @Override
    public String entityType() {
        return "FigureSnapshot";
    }

    @Override
    public List<String> eventTypes() {
        return List.of("figures.snapshot-taken");
    }

    @Override
    public String eventType(String action) {
        return ChangeSource.eventType("figures", action, eventTypes());
    }

    @Override
    public Representation represent(UUID id) {
        FigureSnapshot snapshot = FigureSnapshot.findById(id);
        if (snapshot == null) {
            return null;
        }
        SnapshotScope scope = new SnapshotScope(snapshot.scopeKey, snapshot.province, snapshot.miningOnly, snapshot.supportingUnitId);
        return Representation.of(FigureMapper.toApi(snapshot), snapshot.version, scope.audience());
    }
}
