package cn.rescueforce.teams.support;

import cn.rescueforce.devkit.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** All teams-api tests share one application and the teams_test database. */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database", value = "teams_test"))
public class TeamsTestDatabase {
}
