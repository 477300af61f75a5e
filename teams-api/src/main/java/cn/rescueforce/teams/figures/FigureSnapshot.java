package cn.rescueforce.teams.figures;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The registry's figures of one scope as of the last day of one month ({@link SnapshotFigures}), kept so that trends
 * read as a time series. One per month and scope (unique key): the scheduled run and a backfill agree on it.
 */
@Entity
@Table(name = "figure_snapshot")
public class FigureSnapshot extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The month's first day. */
    @Column(nullable = false)
    public LocalDate month;

    @Column(name = "scope_key", nullable = false)
    public String scopeKey;

    public String province;

    @Column(name = "mining_only", nullable = false)
    public boolean miningOnly;

    @Column(name = "supporting_unit_id")
    public UUID supportingUnitId;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;

    /** {@link SnapshotFigures} as JSON. */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String figures;

    @Version
    public long version;

    static FigureSnapshot of(LocalDate month, SnapshotScope scope, SnapshotFigures figures, Instant takenAt) {
        FigureSnapshot snapshot = new FigureSnapshot();
        snapshot.id = UUID.randomUUID();
        snapshot.month = month;
        snapshot.scopeKey = scope.key();
        snapshot.province = scope.province();
        snapshot.miningOnly = scope.miningOnly();
        snapshot.supportingUnitId = scope.unit();
        snapshot.figures = figures.json();
        snapshot.takenAt = takenAt;
        return snapshot;
    }

    static List<FigureSnapshot> series(String scopeKey, LocalDate from, LocalDate to) {
        return list("scopeKey = ?1 and month >= ?2 and month <= ?3", Sort.by("month"), scopeKey, from, to);
    }
}
