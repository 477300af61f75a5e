package cn.rescueforce.kit.outbox;

/**
 * What a destination throws when a message can never be delivered, whatever the receiver does (e.g. the change a
 * webhook delivery renders was deleted with the feed's retention): the relay parks it at once
 * ({@link DeliveryFailure#of}).
 */
public class UndeliverableMessage extends Exception {

    public UndeliverableMessage(String reason) {
        super(reason);
    }
}
