package cn.rescueforce.kit.client;

import java.util.regex.Pattern;

/**
 * Another service answered a call with an error status (4xx or 5xx). Raised by {@link ErrorAnswers} for every
 * generated client and unchecked, so that {@link OtherService} sees the status whichever client made the call.
 * When the answer was a problem (RFC 9457) it also carries the problem's {@code type} and {@code title}, cut short
 * and without credentials, so that work no caller waits for (an outbox delivery) can say why it was refused.
 */
public class ErrorAnswer extends RuntimeException {

    /** Longest problem title kept: enough to name the kind of problem, too short to carry a payload. */
    static final int MAX_TITLE_LENGTH = 100;
    /** A problem type is a URI of printable characters; anything else is not kept. */
    private static final Pattern TYPE = Pattern.compile("^https?://[\\x21-\\x7e]{1,200}$");

    private final int status;
    private final String problemType;
    private final String problemTitle;

    public ErrorAnswer(int status) {
        this(status, null, null);
    }

    /** @param problemType the answer's problem {@code type}, or null; @param problemTitle its {@code title}, or null */
    public ErrorAnswer(int status, String problemType, String problemTitle) {
        // no stack trace: the status is all there is to know, and OtherService logs it
        super("answered HTTP " + status, null, false, false);
        this.status = status;
        this.problemType = problemType != null && TYPE.matcher(problemType).matches() ? problemType : null;
        this.problemTitle = shortTitle(problemTitle);
    }

    public int status() {
        return status;
    }

    /** The problem type of the answer ({@code https://rescue-force.cn/problems/validation}), or null. */
    public String problemType() {
        return problemType;
    }

    /** The problem title of the answer, at most {@value #MAX_TITLE_LENGTH} characters and without credentials, or null. */
    public String problemTitle() {
        return problemTitle;
    }

    private static String shortTitle(String title) {
        if (title == null) {
            return null;
        }
        String printable = OtherService.withoutCredentials(title.replaceAll("\\p{Cntrl}", " ").strip());
        if (printable.isEmpty()) {
            return null;
        }
        return printable.length() > MAX_TITLE_LENGTH ? printable.substring(0, MAX_TITLE_LENGTH - 1) + "…" : printable;
    }
}
