package cn.rescueforce.teams.nearest;

import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.Specialty;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.geo.GreatCircle;
import cn.rescueforce.teams.reads.ReadVersion;
import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The teams that can respond now (ACTIVE and STANDBY), held in memory as of a registry read version
 * ({@code reads/ReadVersion}, migration V10: every committed change of a team moves it, in commit order), so that a
 * nearest-team search is answered without a query when this replica holds them as of the version now committed
 * (README, "Nearest capable team"). A replica that holds an older set never answers from it: the search then asks
 * the database, and a load of the current set starts in the background (one at a time, on a thread of its own, in one
 * repeatable-read transaction so that the rows and the version belong together), at most one per
 * {@code rescue-force.nearest.load-interval} (while teams keep changing, searches keep asking the database rather than
 * the replica reloading without pause). At most {@code rescue-force.nearest.max-held} teams are held; beyond, every
 * search asks the database.
 */
@ApplicationScoped
public class RespondingTeams {

    static final String RESPONDING = "select id, code, name, category, province, base_city, base_lat, base_lon, duty_phone,"
            + " grade, headcount, specialties, supporting_unit_id from team where status = 'ACTIVE' and readiness = 'STANDBY'";

    /**
     * A team that can respond, with the facts a search filters on ({@code specialties} as a {@link SpecialtyMask}) and
     * the columns an answer shows; {@code point}: its base on the unit sphere ({@link GreatCircle#unitPoint}).
     */
    record Held(UUID id, String code, String name, TeamCategory category, String province, String baseCity, double baseLat,
                double baseLon, String dutyPhone, Grade grade, int headcount, long specialties, UUID supportingUnitId,
                double[] point) {
    }

    /** The responding teams as of {@code version}, by category. */
    record Snapshot(long version, Map<TeamCategory, List<Held>> byCategory) {

        List<Held> of(TeamCategory category) {
            return byCategory.getOrDefault(category, List.of());
        }
    }

    private final AtomicReference<Snapshot> held = new AtomicReference<>();
    private final AtomicBoolean loading = new AtomicBoolean();
    /** When the next load may start ({@link System#nanoTime()}). */
    private volatile long nextLoad = System.nanoTime();
    private final ExecutorService loader = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "responding-teams-loader");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    AgroalDataSource dataSource;

    /** Both set in application.properties (README, "Nearest capable team"), and by k8s/base/teams-api. */
    @ConfigProperty(name = "rescue-force.nearest.max-held")
    int maxHeld;

    @ConfigProperty(name = "rescue-force.nearest.load-interval")
    Duration loadInterval;

    /**
     * The responding teams as of {@code version} or later, or nothing when this replica does not hold them yet; then a
     * load starts unless one is under way or the last one started less than the load interval ago.
     */
    Optional<Snapshot> asOf(long version) {
        Snapshot snapshot = held.get();
        if (snapshot != null && snapshot.version() >= version) {
            return Optional.of(snapshot);
        }
        if (System.nanoTime() - nextLoad >= 0 && loading.compareAndSet(false, true)) {
            nextLoad = System.nanoTime() + loadInterval.toNanos();
            try {
                loader.execute(this::loadInBackground);
            } catch (RejectedExecutionException shuttingDown) {
                loading.set(false);
            }
        }
        return Optional.empty();
    }

    private void loadInBackground() {
        try {
            Snapshot loaded = load();
            if (loaded != null) {
                held.accumulateAndGet(loaded, (now, fresh) -> now == null || fresh.version() > now.version() ? fresh : now);
            }
        } catch (SQLException | RuntimeException e) {
            Log.warnf(e, "the responding teams could not be loaded: nearest-team searches ask the database");
        } finally {
            loading.set(false);
        }
    }

    /** The responding teams and the version they belong to, read in one snapshot; null when there are too many. */
    Snapshot load() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement statement = connection.createStatement()) {
                long version;
                try (ResultSet row = statement.executeQuery(ReadVersion.QUERY)) {
                    if (!row.next()) {
                        throw new IllegalStateException(ReadVersion.MISSING);
                    }
                    version = row.getLong(1);
                }
                Map<TeamCategory, List<Held>> byCategory = new EnumMap<>(TeamCategory.class);
                int count = 0;
                statement.setFetchSize(1000);
                try (ResultSet rows = statement.executeQuery(RESPONDING)) {
                    while (rows.next()) {
                        if (++count > maxHeld) {
                            return null;
                        }
                        Held team = held(rows);
                        byCategory.computeIfAbsent(team.category(), c -> new ArrayList<>()).add(team);
                    }
                }
                connection.commit();
                byCategory.replaceAll((category, teams) -> List.copyOf(teams));
                return new Snapshot(version, byCategory);
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static Held held(ResultSet row) throws SQLException {
        String grade = row.getString(10);
        return new Held(row.getObject(1, UUID.class), row.getString(2), row.getString(3), TeamCategory.fromValue(row.getString(4)),
                row.getString(5), row.getString(6), row.getDouble(7), row.getDouble(8), row.getString(9),
                grade == null ? null : Grade.fromValue(grade), row.getInt(11), specialties(row.getArray(12)),
                row.getObject(13, UUID.class), GreatCircle.unitPoint(row.getDouble(7), row.getDouble(8)));
    }

    private static long specialties(Array array) throws SQLException {
        if (array == null) {
            return 0;
        }
        List<Specialty> values = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            try {
                values.add(Specialty.fromValue((String) value));
            } catch (IllegalArgumentException notInTheVocabulary) {
                // never asked for, so never matched (V7 moved such values off the teams)
            }
        }
        return SpecialtyMask.of(values);
    }

    @PreDestroy
    void stop() {
        loader.shutdownNow();
    }
}
