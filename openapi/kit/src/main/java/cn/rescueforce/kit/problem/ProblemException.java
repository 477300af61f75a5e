package cn.rescueforce.kit.problem;

import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.kit.i18n.Text;

import java.util.List;

/**
 * A failure a client can act on, answered as an RFC 9457 problem. The {@code type} names are public and
 * stable (common.yaml): clients branch on them. The title is the catalogue's English title (its Chinese one,
 * {@code titleZh}, comes from the catalogue: {@link ProblemTitles}); the detail and the field messages are
 * {@link Text}s, rendered in the request's language (their Chinese in {@code META-INF/rescue-force/texts-zh.txt}).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final Text detail;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, Text detail, List<Problem.FieldError> errors) {
        super(detail == null ? null : detail.english());
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors;
    }

    public static ProblemException invalid(String field, Text message) {
        return invalid(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        Text detail = errors.size() == 1 ? Text.of("{0}: {1}", errors.get(0).field(), errors.get(0).message())
                : Text.of("{0} fields are invalid", errors.size());
        return new ProblemException(400, "validation", "Request is invalid", detail, errors);
    }

    /** Nothing of the kind with this id, or out of the caller's scope: {@code notFound(Text.of("team"), id)}. */
    public static ProblemException notFound(Text what, Object id) {
        return new ProblemException(404, "not-found", "Not found", Text.of("No {0} {1}", what, id), null);
    }

    public static ProblemException forbidden(Text detail) {
        return new ProblemException(403, "forbidden", "Not allowed for this management level", detail, null);
    }

    public static ProblemException conflict(Text detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, null);
    }

    /** A state transition that the current status does not allow. */
    public static ProblemException invalidTransition(Text detail) {
        return new ProblemException(409, "invalid-transition", "Not allowed in the current status", detail, null);
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, "precondition-required", "If-Match required",
                Text.of("Send the current ETag in If-Match"), null);
    }

    public static ProblemException preconditionFailed(String current, String sent) {
        return new ProblemException(412, "precondition-failed", "Resource changed",
                Text.of("The resource is at version {0}, not {1}", current, sent), null);
    }

    public static ProblemException idempotencyKeyReused() {
        return new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                Text.of("The key was used before with a different request"), null);
    }

    public static ProblemException idempotencyKeyRequired() {
        return new ProblemException(428, "idempotency-key-required", "Idempotency-Key required",
                Text.of("This change moves quantities: send an Idempotency-Key so that a retry cannot repeat it"), null);
    }

    public static ProblemException unavailable(Text detail) {
        return new ProblemException(503, "dependency-unavailable", "Dependency unavailable", detail, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return Problem.TYPE_BASE + type;
    }

    /** The English title. */
    public String title() {
        return title;
    }

    public String title(Language language) {
        return ProblemTitles.of(type, title, language);
    }

    public Text detail() {
        return detail;
    }

    public String detail(Language language) {
        return detail == null ? null : detail.render(language);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public List<Problem.FieldMessage> errors(Language language) {
        return errors == null ? null : errors.stream().map(e -> e.render(language)).toList();
    }

    /** The body of this problem in the language. */
    public Problem render(String instance, Language language) {
        return new Problem(type(), title(language), status, detail(language), instance, errors(language));
    }
}
