package cn.rescueforce.kit.outbox;

/**
 * Where a message is on its way (openapi/assessment-api.yaml, {@code OutboxMessageState}):
 * {@code PENDING} → {@code DELIVERED}, or {@code PENDING} → {@code PARKED} when the receiver refuses it for good or
 * the relay gives up; a parked message goes back to {@code PENDING} ({@code national} retries it) or ends
 * {@code DISCARDED} (kept for the record, never delivered).
 */
public enum OutboxState {
    PENDING, DELIVERED, PARKED, DISCARDED
}
