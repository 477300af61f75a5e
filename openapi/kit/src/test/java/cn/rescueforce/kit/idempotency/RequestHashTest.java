package cn.rescueforce.kit.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replay is recognised by the hash of its target and body: the same both, the same hash; another target or body, another hash. */
class RequestHashTest {

    record NewUnit(String name, String province) {
    }

    private static final String UNITS = "POST /api/v1/supporting-units";

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theSameTargetAndBodyHaveTheSameHashAnyOtherTargetOrBodyAnother() {
        String first = IdempotentRequests.requestHash(mapper, UNITS, new NewUnit("四川省煤炭产业集团有限责任公司", "510000"));

        assertEquals(first, IdempotentRequests.requestHash(mapper, UNITS, new NewUnit("四川省煤炭产业集团有限责任公司", "510000")));
        assertNotEquals(first, IdempotentRequests.requestHash(mapper, UNITS, new NewUnit("四川省煤炭产业集团有限责任公司", "140000")));
        assertNotEquals(first, IdempotentRequests.requestHash(mapper, UNITS, new NewUnit("四川省煤炭产业集团有限责任公司", null)));
        assertNotEquals(first, IdempotentRequests.requestHash(mapper, "POST /api/v1/teams", new NewUnit("四川省煤炭产业集团有限责任公司", "510000")));
        assertTrue(first.matches("[0-9a-f]{64}"), "SHA-256 in hex fits the request_hash column: " + first);
    }
}
