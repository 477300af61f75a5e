package cn.rescueforce.equipment.problem;

import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A unique constraint won by a concurrent request answers the problem the service's own check answers. */
class EquipmentUniqueViolationsTest {

    private final EquipmentUniqueViolations violations = new EquipmentUniqueViolations();

    @Test
    void eachConstraintARequestCanHitNamesItsProblem() {
        Map.of("equipment_type_code_unique", "equipment-type-code-taken",
                "equipment_item_serial_unique", "duplicate-serial-number",
                "stock_line_batch_unique", "duplicate-stock-batch").forEach((constraint, type) -> {
            ProblemException problem = violations.problemFor(constraint).orElseThrow();
            assertEquals(409, problem.status(), constraint);
            assertEquals(Problem.TYPE_BASE + type, problem.type(), constraint);
        });
    }

    @Test
    void anotherConstraintIsLeftToTheKit() {
        assertTrue(violations.problemFor("idempotency_record_unique").isEmpty());
        assertTrue(violations.problemFor("standard_configuration_version_unique").isEmpty());
    }
}
