package cn.rescueforce.kit.problem;

import java.util.List;

/**
 * A failure a client can act on, answered as an RFC 9457 problem. The {@code type} names are public and
 * stable (common.yaml): clients branch on them.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "validation", "Request is invalid", detail, errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", "No " + what + " " + id, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Not allowed for this management level", detail, null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
    }

    /** A state transition that the current status does not allow. */
    public static ProblemException invalidTransition(String detail) {
        return new ProblemException(409, "invalid-transition", "Not allowed in the current status", detail, null);
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "precondition-required", "If-Match required",
                "Send the current ETag in If-Match", null);
    }

    public static ProblemException preconditionFailed(String current, String sent) {
        return new ProblemException(412, "precondition-failed", "Resource changed",
                "The resource is at version " + current + ", not " + sent, null);
    }

    public static ProblemException idempotencyKeyReused() {
        return new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                "The key was used before with a different request", null);
    }

    public static ProblemException idempotencyKeyRequired() {
        return new ProblemException(428, "idempotency-key-required", "Idempotency-Key required",
                "This change moves quantities: send an Idempotency-Key so that a retry cannot repeat it", null);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "dependency-unavailable", "Dependency unavailable", detail, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return Problem.TYPE_BASE + type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
