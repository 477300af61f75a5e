package cn.rescueforce.assessment.outbox;

/** A service the outbox delivers to. Throwing means "not acknowledged": the relay tries again later. */
public interface OutboxDestination {

    String name();

    void deliver(OutboxMessage message) throws Exception;
}
