package cn.rescueforce.devkit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import cn.rescueforce.devkit.Databases;

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
        // TEST_PG_DATABASE_SUFFIX keeps concurrent runs on one machine (several checkouts) out of each other's way
        database = initArgs.getOrDefault("database", database) + env("TEST_PG_DATABASE_SUFFIX", "");
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
        Databases.createIfMissing("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password, database);
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        // the database stays for the next run, which cleans it at start
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
