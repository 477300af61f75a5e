package cn.rescueforce.devkit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Gives a service's tests their own database on the machine's PostgreSQL (127.0.0.1:5432 unless
 * {@code TEST_PG_HOST}/{@code TEST_PG_PORT}/{@code TEST_PG_USER} say otherwise), creating it when missing.
 * Use with {@code @QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name =
 * "database", value = "teams_test"))}; the service's test profile cleans and migrates it at start.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
    }

    @Override
    public Map<String, String> start() {
        String host = env("TEST_PG_HOST", "127.0.0.1");
        String port = env("TEST_PG_PORT", "5432");
        String user = env("TEST_PG_USER", "postgres");
        String password = env("TEST_PG_PASSWORD", "");
        createIfMissing("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        // the database stays for the next run, which cleans it at start
    }

    /** Creates {@code database} on the server unless it exists. Also used by the local launcher. */
    public static void createIfMissing(String adminJdbcUrl, String user, String password, String database) {
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, user, password);
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + database);
            } catch (SQLException raced) {
                if (!"42P04".equals(raced.getSQLState())) { // duplicate_database: created meanwhile, fine
                    throw raced;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " via " + adminJdbcUrl
                    + " (is PostgreSQL running? see README)", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
