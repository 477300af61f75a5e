package cn.rescueforce.kit.client;

import java.util.Optional;

/**
 * A call no caller was waiting for (an outbox delivery) did not succeed. The message names the service and says
 * what went wrong, without any credential, so that it can be logged and kept with the next attempt. When the
 * other service answered (rather than timing out or refusing the connection), {@link #answer()} is that answer:
 * its status and problem type, for the caller to tell a refusal from an outage.
 */
public class CallFailed extends RuntimeException {

    private final transient ErrorAnswer answer;

    public CallFailed(String message) {
        this(message, null);
    }

    /** @param answer the other service's error answer, or null when none arrived */
    public CallFailed(String message, ErrorAnswer answer) {
        super(message, null, false, false);
        this.answer = answer;
    }

    /** The other service's error answer; empty when it did not answer (timeout, refused connection, no token). */
    public Optional<ErrorAnswer> answer() {
        return Optional.ofNullable(answer);
    }
}
