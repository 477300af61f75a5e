package cn.rescueforce.kit.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The kit's tables (audit_event, idempotency_record) come from the kit's db/kit/V0_1__kit_tables.sql; until they
 * moved there, every service's V1 created them. A database migrated then records V1 with its former checksum and
 * no 0.1, which Flyway refuses twice: V1's checksum differs from the file, and 0.1 is pending below applied
 * versions. Before Flyway validates, this records what did happen, in one transaction: V1's row takes the
 * checksum of V1 as it is now, and 0.1 is recorded as applied (the tables exist: V1 created them).
 *
 * <p>Only that case is touched: V1 recorded with exactly the checksum it had while it created the tables (the
 * service's {@code rescue-force.kit-tables.former-checksum}), 0.1 not recorded, both tables present. Any other
 * difference between the history and the files still fails Flyway's validation.
 *
 * <p>A later kit migration (0.2 …) would also be pending below the services' applied versions on existing
 * databases; it needs its own answer (such as {@code quarkus.flyway.out-of-order=true} in the kit's defaults).
 */
public final class KitTablesMove implements Callback {

    /** The kit migration that creates the kit's tables. */
    public static final MigrationVersion KIT_TABLES = MigrationVersion.fromVersion("0.1");
    static final List<String> TABLES = List.of("audit_event", "idempotency_record");

    private static final Logger LOG = Logger.getLogger(KitTablesMove.class);

    private final MigrationVersion formerlyIn;
    private final int formerChecksum;

    public KitTablesMove(String formerlyIn, int formerChecksum) {
        this.formerlyIn = MigrationVersion.fromVersion(formerlyIn);
        this.formerChecksum = formerChecksum;
    }

    @Override
    public boolean supports(Event event, Context context) {
        // migrate validates first (validate-on-migrate); with validation off, it still has to happen before 0.1 runs
        return event == Event.BEFORE_VALIDATE
                || event == Event.BEFORE_MIGRATE && !context.getConfiguration().isValidateOnMigrate();
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true; // it works on a connection of its own
    }

    @Override
    public void handle(Event event, Context context) {
        realign(context.getConfiguration());
    }

    @Override
    public String getCallbackName() {
        return "kit tables moved to db/kit";
    }

    /** Realigns the history of a database migrated before the move; true when it did. */
    public boolean realign(Configuration configuration) {
        String history = qualified(configuration, configuration.getTable());
        try (Connection connection = configuration.getDataSource().getConnection()) {
            // the common case, a fresh or an up-to-date database, costs two small queries
            if (!recordsFormerVersionWithoutKitTables(connection, history)) {
                return false;
            }
            // the same migrations and history as the running command, without the callbacks (this one included)
            MigrationInfo[] migrations = Flyway.configure(configuration.getClassLoader())
                    .configuration(configuration)
                    .callbacks(new Callback[0])
                    .skipDefaultCallbacks(true)
                    .load()
                    .info()
                    .all();
            MigrationInfo former = find(migrations, formerlyIn);
            MigrationInfo kitTables = find(migrations, KIT_TABLES);
            if (former == null || !Objects.equals(former.getAppliedChecksum(), formerChecksum) || former.getResolvedChecksum() == null
                    || kitTables == null || kitTables.isApplied() || !tablesExist(connection, configuration)) {
                return false;
            }
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                // two instances starting at once: the second finds the work done
                try (PreparedStatement lock = connection.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, history + " " + getCallbackName());
                    lock.execute();
                }
                int realigned;
                try (PreparedStatement update = connection.prepareStatement("update " + history
                        + " set checksum = ? where version = ? and checksum = ? and success")) {
                    update.setInt(1, former.getResolvedChecksum());
                    update.setString(2, formerlyIn.getVersion());
                    update.setInt(3, formerChecksum);
                    realigned = update.executeUpdate();
                }
                if (realigned == 1) {
                    try (PreparedStatement insert = connection.prepareStatement("insert into " + history
                            + " (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)"
                            + " select coalesce(max(installed_rank), 0) + 1, ?, ?, ?, ?, ?, current_user, 0, true from " + history)) {
                        insert.setString(1, KIT_TABLES.getVersion());
                        insert.setString(2, kitTables.getDescription());
                        insert.setString(3, kitTables.getType().name());
                        insert.setString(4, kitTables.getScript());
                        insert.setInt(5, kitTables.getChecksum());
                        insert.executeUpdate();
                    }
                }
                connection.commit();
                if (realigned == 1) {
                    LOG.infof("Migration history realigned: %s and %s were created by V%s before they moved to the kit's"
                            + " V%s; V%s now records checksum %d (was %d) and V%s is recorded as applied", TABLES.get(0),
                            TABLES.get(1), formerlyIn, KIT_TABLES, formerlyIn, former.getResolvedChecksum(), formerChecksum, KIT_TABLES);
                }
                return realigned == 1;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot realign the migration history in " + history, e);
        }
    }

    /** Whether the history records the former version with its former checksum and nothing of the kit's migration. */
    private boolean recordsFormerVersionWithoutKitTables(Connection connection, String history) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, history);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        try (PreparedStatement recorded = connection.prepareStatement("select"
                + " exists (select 1 from " + history + " where version = ? and checksum = ? and success)"
                + " and not exists (select 1 from " + history + " where version = ?)")) {
            recorded.setString(1, formerlyIn.getVersion());
            recorded.setInt(2, formerChecksum);
            recorded.setString(3, KIT_TABLES.getVersion());
            try (ResultSet rs = recorded.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static MigrationInfo find(MigrationInfo[] migrations, MigrationVersion version) {
        return Arrays.stream(migrations).filter(m -> version.equals(m.getVersion())).findFirst().orElse(null);
    }

    private static boolean tablesExist(Connection connection, Configuration configuration) throws SQLException {
        for (String table : TABLES) {
            try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
                exists.setString(1, qualified(configuration, table));
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** The table in the schema Flyway works in: the configured one, else the connection's (search_path). */
    private static String qualified(Configuration configuration, String table) {
        String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
