package cn.rescueforce.kit.client;

/**
 * Another service answered a call with an error status (4xx or 5xx). Raised by {@link ErrorAnswers} for every
 * generated client and unchecked, so that {@link OtherService} sees the status whichever client made the call.
 */
public class ErrorAnswer extends RuntimeException {

    private final int status;

    public ErrorAnswer(int status) {
        // no stack trace: the status is all there is to know, and OtherService logs it
        super("answered HTTP " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
