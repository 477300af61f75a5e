package cn.rescueforce.teams.support;

import cn.rescueforce.devkit.testing.PostgresTestDatabase;
import cn.rescueforce.devkit.testing.ServiceAccountTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * All teams-api tests share one application and the teams_test database; the services its figures call are doubles
 * ({@link OtherServices}), reached with a service-account token of the test's own token endpoint.
 */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database", value = "teams_test"))
@QuarkusTestResource(OtherServices.class)
@QuarkusTestResource(value = ServiceAccountTokens.class, initArgs = @ResourceArg(name = "client-id", value = "teams-api"))
public class TeamsTestDatabase {
}
