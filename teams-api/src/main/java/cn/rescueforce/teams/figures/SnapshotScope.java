package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.changes.Audience;
import cn.rescueforce.teams.api.model.TeamCategory;

import java.util.UUID;
import java.util.function.Predicate;

/**
 * Whose figures a monthly snapshot holds, named by its key: {@code national}, {@code province:<code>},
 * {@code mining:<code>} (a province's mining teams, a mine-safety bureau's scope) or {@code unit:<id>}.
 */
record SnapshotScope(String key, String province, boolean miningOnly, UUID unit) {

    static final SnapshotScope NATIONAL = new SnapshotScope("national", null, false, null);

    static SnapshotScope province(String province) {
        return new SnapshotScope("province:" + province, province, false, null);
    }

    static SnapshotScope mining(String province) {
        return new SnapshotScope("mining:" + province, province, true, null);
    }

    static SnapshotScope unit(UUID unit) {
        return new SnapshotScope("unit:" + unit, null, false, unit);
    }

    /** The cells of a tally this scope counts. */
    Predicate<FigureTally.Cell> cells() {
        return cell -> (province == null || province.equals(cell.province()))
                && (!miningOnly || cell.category() == TeamCategory.MINING)
                && (unit == null || unit.equals(cell.unit()));
    }

    /** Who sees the snapshot in the change feed: whoever's team scope covers the scope's teams. */
    Audience audience() {
        if (unit != null) {
            return Audience.team(null, false, unit);
        }
        return province == null ? Audience.national() : Audience.team(province, miningOnly, null);
    }
}
