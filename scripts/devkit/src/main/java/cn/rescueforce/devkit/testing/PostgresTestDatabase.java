package cn.rescueforce.devkit.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a service's tests their own database on the tests' PostgreSQL ({@link TestPostgresServer}: the one
 * configured by {@code TEST_PG_HOST}/{@code TEST_PG_PORT}/{@code TEST_PG_USER}, 127.0.0.1:5432 by default, or the
 * build's embedded one when nothing answers there), creating it when missing. Use with
 * {@code @QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database",
 * value = "teams_test"))}; the service's test profile cleans and migrates it at start.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    private String database = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = TestPostgresServer.testDatabaseName(initArgs.getOrDefault("database", database));
    }

    @Override
    public Map<String, String> start() {
        TestPostgresServer server = TestPostgresServer.get();
        return Map.of(
                "quarkus.datasource.jdbc.url", server.database(database),
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        // the database stays for the next run, which cleans it at start
    }
}
