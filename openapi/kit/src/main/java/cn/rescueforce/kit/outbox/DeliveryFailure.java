package cn.rescueforce.kit.outbox;

import cn.rescueforce.kit.client.CallFailed;
import cn.rescueforce.kit.client.ErrorAnswer;
import cn.rescueforce.kit.logging.SecretRedaction;

/**
 * What a failed delivery attempt means (README, "Outbox: parked deliveries"). The receiver's answer decides:
 * a 4xx other than 401, 408 and 429 is a refusal that no later attempt will change (the result is invalid, the
 * team unknown, the operation forbidden to our service account), so the message is parked at once. Everything
 * else passes: a 5xx (teams-api's own 503 {@code dependency-unavailable} included), 408 and 429 (ask again
 * later), 401 (our service account's token was not accepted: the next attempt carries a newly obtained one),
 * no answer at all (timeout, refused connection, token endpoint down) and any other exception; those keep
 * the {@link Backoff} until the {@link RetryLimit}.
 *
 * @param permanent whether the message is to be parked now
 * @param status    the receiver's error status, or null when it did not answer
 * @param error     what went wrong, without credentials, for the message's last error
 * @param refusal   for a permanent failure, the short reason shown to {@code national}; otherwise null
 */
public record DeliveryFailure(boolean permanent, Integer status, String error, String refusal) {

    /** Whether an error status refuses the message for good. */
    public static boolean isPermanent(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
    }

    /**
     * @param destination the receiver, as named in the reason
     * @param failure     what {@link OutboxDestination#deliver} threw: a {@link CallFailed} for a call through the
     *                    kit's {@code OtherService.attempt}, an {@link UndeliverableMessage} for a message that can never
 *                    be delivered (parked at once), whatever else for a failure before the call
     */
    public static DeliveryFailure of(String destination, Exception failure) {
        String error = failure.getClass().getSimpleName() + ": " + SecretRedaction.redact(String.valueOf(failure.getMessage()));
        if (failure instanceof UndeliverableMessage) {
            return new DeliveryFailure(true, null, error, failure.getMessage());
        }
        ErrorAnswer answer = failure instanceof CallFailed call ? call.answer().orElse(null) : null;
        if (answer == null) {
            return new DeliveryFailure(false, null, error, null);
        }
        boolean permanent = isPermanent(answer.status());
        return new DeliveryFailure(permanent, answer.status(), error, permanent ? refusal(destination, answer) : null);
    }

    /** {@code teams-api refused it: HTTP 422 https://rescue-force.cn/problems/validation (Request is invalid)} */
    static String refusal(String destination, ErrorAnswer answer) {
        StringBuilder reason = new StringBuilder(destination).append(" refused it: HTTP ").append(answer.status());
        if (answer.problemType() != null) {
            reason.append(' ').append(answer.problemType());
        }
        if (answer.problemTitle() != null) {
            reason.append(" (").append(answer.problemTitle()).append(')');
        }
        return reason.toString();
    }
}
