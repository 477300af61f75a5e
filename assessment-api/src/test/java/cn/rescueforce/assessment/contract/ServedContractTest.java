package cn.rescueforce.assessment.contract;

import cn.rescueforce.devkit.testing.ServedContractChecks;
import io.quarkus.test.junit.QuarkusTest;

/** The document served at /q/openapi is openapi/assessment-api.yaml in every detail; health and metrics are served. */
@QuarkusTest
class ServedContractTest extends ServedContractChecks {
}
