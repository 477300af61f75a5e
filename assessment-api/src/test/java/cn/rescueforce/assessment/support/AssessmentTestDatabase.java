package cn.rescueforce.assessment.support;

import cn.rescueforce.devkit.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** All assessment-api tests share one application, the assessment_test database and the doubles of the other services. */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(OtherServices.class)
public class AssessmentTestDatabase {
}
