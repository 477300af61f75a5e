package cn.rescueforce.kit.outbox;

import java.util.Locale;

/** Why the relay stopped trying a message (openapi/assessment-api.yaml, {@code ParkingCause}). */
public enum ParkingCause {
    /** The receiver refused it with an answer that will not change ({@link DeliveryFailure#isPermanent}). */
    PERMANENT,
    /** It kept failing for a passing reason until the {@link RetryLimit} was reached. */
    GAVE_UP;

    /** The value of the {@code reason} tag of {@code outbox_messages_parked_total}: {@code permanent}, {@code gave_up}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
