package cn.rescueforce.kit.client;

/**
 * A call no caller was waiting for (an outbox delivery) did not succeed. The message names the service and says
 * what went wrong, without any credential, so that it can be logged and kept with the next attempt.
 */
public class CallFailed extends RuntimeException {

    public CallFailed(String message) {
        super(message, null, false, false);
    }
}
