package cn.rescueforce.assessment.support;

import cn.rescueforce.devkit.testing.PostgresTestDatabase;
import cn.rescueforce.devkit.testing.ServiceAccountTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * All assessment-api tests share one application, the assessment_test database, the doubles of the other services,
 * the token endpoint of assessment-api's service account and the object store of evidence files.
 */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database", value = "assessment_test"))
@QuarkusTestResource(OtherServices.class)
@QuarkusTestResource(value = ServiceAccountTokens.class, initArgs = @ResourceArg(name = "client-id", value = "assessment-api"))
@QuarkusTestResource(EmbeddedEvidenceStore.class)
public class AssessmentTestDatabase {
}
