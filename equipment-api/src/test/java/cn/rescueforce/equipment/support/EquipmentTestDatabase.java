package cn.rescueforce.equipment.support;

import cn.rescueforce.devkit.testing.PostgresTestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** All equipment-api tests share one application, the equipment_test database and one teams-api double. */
@QuarkusTestResource(value = PostgresTestDatabase.class, initArgs = @ResourceArg(name = "database", value = "equipment_test"))
@QuarkusTestResource(TeamsApiDouble.class)
public class EquipmentTestDatabase {
}
