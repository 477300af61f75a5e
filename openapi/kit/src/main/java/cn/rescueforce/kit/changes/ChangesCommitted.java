package cn.rescueforce.kit.changes;

/**
 * Fired (asynchronously) after a transaction that wrote changes to the feed has committed, so that what follows the
 * feed in this process (the webhook dispatcher) need not wait for its next scheduled run.
 *
 * @param count the changes the transaction committed
 */
public record ChangesCommitted(int count) {
}
