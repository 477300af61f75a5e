package cn.rescueforce.equipment.support;

import cn.rescueforce.devkit.testing.PostgresTestDatabase;
import cn.rescueforce.devkit.testing.ServiceAccountTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * All equipment-api tests share one application, the equipment_test database, the teams-api double and the token
 * endpoint of equipment-api's service account.
 */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database", value = "equipment_test"))
@QuarkusTestResource(OtherServices.class)
@QuarkusTestResource(value = ServiceAccountTokens.class, initArgs = @ResourceArg(name = "client-id", value = "equipment-api"))
public class EquipmentTestDatabase {
}
