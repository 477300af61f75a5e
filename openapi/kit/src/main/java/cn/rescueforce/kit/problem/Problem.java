package cn.rescueforce.kit.problem;

import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.kit.i18n.Text;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem body, as defined in common.yaml, in the language of the request it answers ({@code title},
 * {@code detail} and the field messages; {@code type} is the same in every language).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldMessage> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://rescue-force.cn/problems/";

    /**
     * A bad field as the code names it: the field as the client sent it (never translated) and what is wrong with it,
     * a {@link Text} rendered in the request's language: {@code new FieldError("endsOn", Text.of("must be after startsOn"))}.
     */
    public record FieldError(String field, Text message) {

        public FieldMessage render(Language language) {
            return new FieldMessage(field, message == null ? null : message.render(language));
        }
    }

    /** A bad field as the body says it, in the request's language. */
    public record FieldMessage(String field, String message) {
    }
}
