package cn.rescueforce.kit.problem;

import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.kit.i18n.Text;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Builds problem+json responses; the one place their shape is decided. Every answer is in the request's
 * {@link Language} ({@link Language#of(HttpHeaders)}), says which in {@code Content-Language} and varies by
 * {@code Accept-Language}.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Response of(int status, String type, String title, Text detail, String instance, List<Problem.FieldError> errors,
                              Language language) {
        String name = type.startsWith(Problem.TYPE_BASE) ? type.substring(Problem.TYPE_BASE.length()) : type;
        return of(new ProblemException(status, name, title, detail, errors), instance, language);
    }

    public static Response of(ProblemException problem, String instance, Language language) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .header(Language.CONTENT_LANGUAGE, language.tag())
                .header(HttpHeaders.VARY, Language.ACCEPT_LANGUAGE)
                .entity(problem.render(instance, language))
                .build();
    }

    public static Response invalid(List<Problem.FieldError> errors, String instance, Language language) {
        return of(ProblemException.invalid(errors), instance, language);
    }
}
