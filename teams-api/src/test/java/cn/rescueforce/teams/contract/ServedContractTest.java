package cn.rescueforce.teams.contract;

import cn.rescueforce.devkit.testing.ServedContractChecks;
import io.quarkus.test.junit.QuarkusTest;

/** The document served at /q/openapi is openapi/teams-api.yaml in every detail; health and metrics are served. */
@QuarkusTest
class ServedContractTest extends ServedContractChecks {
}
