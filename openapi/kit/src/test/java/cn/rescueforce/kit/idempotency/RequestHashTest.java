package cn.rescueforce.kit.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A replay is recognised by the hash of its body: the same body, the same hash; another body, another hash. */
class RequestHashTest {

    record NewUnit(String name, String province) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theSameBodyHasTheSameHashAnyOtherBodyAnother() {
        String first = IdempotentCreation.requestHash(mapper, new NewUnit("四川省煤炭产业集团有限责任公司", "510000"));

        assertEquals(first, IdempotentCreation.requestHash(mapper, new NewUnit("四川省煤炭产业集团有限责任公司", "510000")));
        assertNotEquals(first, IdempotentCreation.requestHash(mapper, new NewUnit("四川省煤炭产业集团有限责任公司", "140000")));
        assertNotEquals(first, IdempotentCreation.requestHash(mapper, new NewUnit("四川省煤炭产业集团有限责任公司", null)));
        assertTrue(first.matches("[0-9a-f]{64}"), "SHA-256 in hex fits the request_hash column: " + first);
    }
}
