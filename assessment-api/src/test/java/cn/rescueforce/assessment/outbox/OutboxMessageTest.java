package cn.rescueforce.assessment.outbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A message's delivery attempts as the relay records them. */
class OutboxMessageTest {

    private static final Instant NOW = Instant.parse("2026-05-02T08:00:00Z");

    @Test
    void aFailedAttemptKeepsTheMessageUndeliveredWithItsErrorAndNextAttempt() {
        OutboxMessage message = new OutboxMessage();
        message.attempting();
        message.failed(new IllegalStateException("teams-api answered 503"), NOW.plusSeconds(5));
        assertFalse(message.isDelivered());
        assertEquals(1, message.attempts);
        assertEquals(NOW.plusSeconds(5), message.nextAttemptAt);
        assertEquals("IllegalStateException: teams-api answered 503", message.lastError);

        message.attempting();
        message.delivered(NOW.plusSeconds(6));
        assertTrue(message.isDelivered());
        assertEquals(2, message.attempts);
        assertNull(message.lastError);
    }

    @Test
    void aLongErrorIsCutToTheColumnsLength() {
        OutboxMessage message = new OutboxMessage();
        message.failed(new RuntimeException("x".repeat(5_000)), NOW);
        assertEquals(OutboxMessage.MAX_ERROR_LENGTH, message.lastError.length());
        assertTrue(message.lastError.startsWith("RuntimeException: xxx"));
    }
}
