package cn.rescueforce.kit.migration;

import cn.rescueforce.devkit.testing.TestPostgresServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kit's tables moved from every service's V1 to the kit's db/kit. Against a real PostgreSQL, for each service:
 * a database migrated with the migrations as they were before the move migrates and validates with the service's
 * migrations and the kit's as they are now, keeping its rows; a fresh database gets the same tables from the kit;
 * and a V1 recorded with any other checksum still fails validation. Flyway is configured as the service configures
 * it: its db/migration, the kit's db/kit, and {@link KitTablesMove} with the former checksum from its
 * application.properties.
 *
 * <p>The migrations as they were are rebuilt from today's files, not kept as copies: V1 had another opening
 * comment and ended with the kit's tables, the later versions are unchanged. The rebuilt V1 must have the former
 * checksum the service configures, which also proves V1 changed in nothing else.
 */
class KitTablesMoveTest {

    /** Each service's latest version while its V1 still created the kit's tables. */
    private static final Map<String, Integer> LATEST_BEFORE_THE_MOVE = Map.of("teams-api", 4, "equipment-api", 2, "assessment-api", 2);

    /** The opening comment of each V1 then. */
    private static final Map<String, String> FORMER_V1_COMMENT = Map.of(
            "teams-api", """
                    -- teams-api schema: supporting units, teams and their lifecycle history, members, certificates,
                    -- and the cross-cutting audit trail and idempotency records.
                    """,
            "equipment-api", """
                    -- equipment-api schema: the equipment catalog, standard configurations, team equipment and inspections,
                    -- reserve depots with their stock, call-ups, the append-only stock ledger, and the cross-cutting audit
                    -- trail and idempotency records. Teams live in teams-api; team_* columns keep the team's scope as it was
                    -- when looked up there, so province-wide lists need no call per row.
                    """,
            "assessment-api", """
                    -- assessment-api schema: standards (versioned, sections as JSON), assessments, evaluations, the outbox of
                    -- results for teams-api, and the cross-cutting audit trail and idempotency records.
                    """);

    @ParameterizedTest
    @ValueSource(strings = {"teams-api", "equipment-api", "assessment-api"})
    void aDatabaseMigratedBeforeTheMoveMigratesValidatesAndKeepsItsRows(String service) throws SQLException {
        DataSource database = migratedBeforeTheMove(service);
        execute(database, "insert into audit_event (id, at, actor_sub, actor_level, entity_type, entity_id, action, changed_fields)"
                + " values (gen_random_uuid(), now(), 'u-1', 'NATIONAL', 'Team', gen_random_uuid(), 'created', '{name}')");
        execute(database, "insert into idempotency_record (id, caller_sub, idempotency_key, request_hash, status, created_at)"
                + " values (gen_random_uuid(), 'u-1', 'key-1', 'abc', 201, now())");
        List<String> kitTablesBefore = shapeOfKitTables(database);

        Flyway now = asTheServiceConfiguresIt(service, database);
        MigrateResult result = now.migrate();

        assertTrue(result.success);
        assertTrue(result.migrations.stream().noneMatch(m -> m.version.equals("0.1")), "the kit's tables were created by V1 already");
        assertTrue(now.validateWithResult().validationSuccessful, "the history validates against the files");
        MigrationInfo[] migrations = now.info().all();
        MigrationInfo v1 = version(migrations, "1");
        assertEquals(v1.getResolvedChecksum(), v1.getAppliedChecksum(), "V1 records the checksum of V1 as it is now");
        MigrationInfo kitTables = version(migrations, "0.1");
        assertTrue(kitTables.getState().isApplied() && !kitTables.getState().isFailed(), "0.1 is recorded as applied");
        assertEquals(kitTables.getResolvedChecksum(), kitTables.getAppliedChecksum());
        assertTrue(Arrays.stream(migrations).allMatch(MigrationInfo::isApplied), "nothing is pending");
        assertEquals(1, count(database, "audit_event"));
        assertEquals(1, count(database, "idempotency_record"));
        assertEquals(kitTablesBefore, shapeOfKitTables(database));
        assertEquals(shapeOfKitTables(freshlyMigrated(service)), shapeOfKitTables(database),
                "the kit's tables are the same as in a database migrated from scratch");

        // the next start finds nothing to do, and the history still validates
        assertEquals(0, asTheServiceConfiguresIt(service, database).migrate().migrationsExecuted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"teams-api", "equipment-api", "assessment-api"})
    void aFreshDatabaseGetsTheKitTablesBeforeTheServiceMigrations(String service) throws SQLException {
        DataSource database = freshlyMigrated(service);

        Flyway flyway = asTheServiceConfiguresIt(service, database);
        assertTrue(flyway.validateWithResult().validationSuccessful);
        MigrationInfo[] applied = flyway.info().applied();
        assertEquals(MigrationVersion.fromVersion("0.1"), applied[0].getVersion(), "the kit's migrations run first");
        int firstOfTheService = 0;
        while (applied[firstOfTheService].getVersion().compareTo(MigrationVersion.fromVersion("1")) < 0) {
            firstOfTheService++;
        }
        assertEquals(MigrationVersion.fromVersion("1"), applied[firstOfTheService].getVersion(),
                "the service's V1 follows the kit's versioned migrations");
        assertEquals(0, count(database, "audit_event"));
        assertEquals(0, count(database, "idempotency_record"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"teams-api"})
    void aV1RecordedWithAnyOtherChecksumStillFailsValidationAndIsLeftAsItIs(String service) throws SQLException {
        DataSource database = migratedBeforeTheMove(service);
        execute(database, "update flyway_schema_history set checksum = checksum + 1 where version = '1'");
        List<String> history = history(database);

        assertThrows(FlywayValidateException.class, () -> asTheServiceConfiguresIt(service, database).migrate());

        assertEquals(history, history(database), "nothing was realigned");
        assertFalse(history(database).stream().anyMatch(row -> row.startsWith("0.1 ")));
    }

    /** A database migrated with the service's migrations as they were before the move. */
    private static DataSource migratedBeforeTheMove(String service) throws SQLException {
        DataSource database = emptyDatabase(service);
        Flyway.configure().dataSource(database).locations("filesystem:" + migrationsBeforeTheMove(service)).load().migrate();
        assertEquals(List.of(String.valueOf(formerChecksum(service))),
                rows(database, "select checksum from flyway_schema_history where version = '1'"),
                "the rebuilt V1 is V1 as it was: V1 has changed in more than the move of the kit's tables");
        return database;
    }

    /** V1 with its former comment and the kit's tables at its end, and the later versions there were. */
    private static Path migrationsBeforeTheMove(String service) {
        Path now = serviceDir(service).resolve("src/main/resources/db/migration");
        Path then = Path.of("target/migrations-before-kit-tables", service).toAbsolutePath();
        try {
            Files.createDirectories(then);
            try (Stream<Path> old = Files.list(then)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
            try (Stream<Path> files = Files.list(now)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
                    if (version == 1) {
                        Files.writeString(then.resolve(name), FORMER_V1_COMMENT.get(service) + withoutOpeningComment(Files.readString(file))
                                + "\n" + withoutOpeningComment(Files.readString(Path.of("src/main/resources/db/kit/V0_1__kit_tables.sql"))));
                    } else if (version <= LATEST_BEFORE_THE_MOVE.get(service)) {
                        Files.copy(file, then.resolve(name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return then;
    }

    private static String withoutOpeningComment(String sql) {
        return sql.lines().dropWhile(line -> line.startsWith("--")).collect(Collectors.joining("\n", "", "\n"));
    }

    private static Flyway asTheServiceConfiguresIt(String service, DataSource database) {
        return Flyway.configure()
                .dataSource(database)
                .locations("filesystem:" + serviceDir(service).resolve("src/main/resources/db/migration"), "classpath:db/kit")
                .callbacks(new KitTablesMove("1", formerChecksum(service)))
                // as the kit configures every service (quarkus.flyway.out-of-order): a kit migration added later runs on a
                // database already past the service's V1
                .outOfOrder(true)
                .load();
    }

    private static DataSource freshlyMigrated(String service) throws SQLException {
        DataSource database = emptyDatabase(service + "-fresh");
        MigrateResult result = asTheServiceConfiguresIt(service, database).migrate();
        assertTrue(result.success);
        return database;
    }

    /** A database of this test's own, with an empty public schema. */
    private static DataSource emptyDatabase(String name) throws SQLException {
        TestPostgresServer server = TestPostgresServer.get();
        String url = server.database(TestPostgresServer.testDatabaseName("kit_tables_" + name.replace('-', '_')));
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(url);
        database.setUser(server.user());
        database.setPassword(server.password());
        execute(database, "drop schema if exists public cascade");
        execute(database, "create schema public");
        return database;
    }

    private static int formerChecksum(String service) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(serviceDir(service).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Integer.parseInt(properties.getProperty("rescue-force.kit-tables.former-checksum"));
    }

    private static Path serviceDir(String service) {
        // the tests run in openapi/kit
        return Path.of("../..", service).toAbsolutePath().normalize();
    }

    private static MigrationInfo version(MigrationInfo[] migrations, String version) {
        return Arrays.stream(migrations)
                .filter(m -> MigrationVersion.fromVersion(version).equals(m.getVersion()))
                .findFirst().orElseThrow();
    }

    /** Columns (name, type, nullability) and indexes of the kit's tables. */
    private static List<String> shapeOfKitTables(DataSource database) throws SQLException {
        return rows(database, """
                select table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                       || ' ' || is_nullable
                from information_schema.columns
                where table_schema = 'public' and table_name in ('audit_event', 'idempotency_record')
                union all
                select indexdef from pg_indexes where schemaname = 'public' and tablename in ('audit_event', 'idempotency_record')
                order by 1""");
    }

    private static List<String> history(DataSource database) throws SQLException {
        return rows(database, "select version || ' ' || checksum || ' ' || success from flyway_schema_history order by installed_rank");
    }

    private static long count(DataSource database, String table) throws SQLException {
        return Long.parseLong(rows(database, "select count(*) from " + table).get(0));
    }

    private static List<String> rows(DataSource database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void execute(DataSource database, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
