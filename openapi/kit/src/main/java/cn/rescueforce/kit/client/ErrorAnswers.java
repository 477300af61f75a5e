package cn.rescueforce.kit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

import java.io.IOException;

/**
 * The one response-exception mapper of every generated client (listed in {@code quarkus.rest-client.providers}
 * by the kit's configuration defaults). Each generated client also registers its own {@code ApiExceptionMapper},
 * which throws that client's checked {@code ApiException}; this mapper runs first (a lower priority number), so an
 * error answer always arrives as an unchecked {@link ErrorAnswer} and no client can meet another client's
 * exception type. A problem answer's {@code type} and {@code title} come with it (RFC 9457; {@link ErrorAnswer} keeps
 * them short and without credentials).
 */
@Singleton
@Unremovable // found by class name from the configuration, never injected
public class ErrorAnswers implements ResponseExceptionMapper<ErrorAnswer> {

    /** A problem body is a few hundred characters; a longer answer is not read for its type and title. */
    private static final int MAX_PROBLEM_LENGTH = 16_384;
    private static final ObjectMapper PROBLEM = new ObjectMapper();

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    @Override
    public ErrorAnswer toThrowable(Response response) {
        JsonNode problem = problemIn(response);
        return new ErrorAnswer(response.getStatus(), text(problem, "type"), text(problem, "title"));
    }

    /** The answer's problem body, or null when it is none (or cannot be read: the status is enough then). */
    private static JsonNode problemIn(Response response) {
        try {
            if (!response.hasEntity() || response.getMediaType() == null || !response.getMediaType().getSubtype().endsWith("json")) {
                return null;
            }
            String body = response.readEntity(String.class);
            return body == null || body.length() > MAX_PROBLEM_LENGTH ? null : PROBLEM.readTree(body);
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    private static String text(JsonNode problem, String field) {
        return problem != null && problem.path(field).isTextual() ? problem.path(field).asText() : null;
    }

    @Override
    public int getPriority() {
        return Priorities.USER - 100;
    }
}
