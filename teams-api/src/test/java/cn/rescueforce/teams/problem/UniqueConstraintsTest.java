package cn.rescueforce.teams.problem;

import cn.rescueforce.kit.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A duplicate found by a unique constraint at commit is the same problem as one found by the service's check. */
class UniqueConstraintsTest {

    private final UniqueConstraints constraints = new UniqueConstraints();

    @Test
    void eachUniqueConstraintOfTheMigrationsNamesItsProblem() {
        Map.of("team_code_unique", "team-code-taken",
                "supporting_unit_credit_code_unique", "credit-code-taken",
                "member_id_number_hash_serving_unique", "person-already-serving",
                "mobilization_order_one_open_per_team", "open-mobilization-exists").forEach((constraint, type) -> {
            ProblemException problem = constraints.problemFor(constraint).orElseThrow();
            assertEquals(409, problem.status(), constraint);
            assertEquals("https://rescue-force.cn/problems/" + type, problem.type(), constraint);
        });
    }

    @Test
    void anotherConstraintIsLeftToTheKit() {
        assertTrue(constraints.problemFor("idempotency_record_unique").isEmpty());
    }
}
