package cn.rescueforce.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose declared body (Content-Length) is above {@code quarkus.http.limits.max-body-size} is answered
 * with a 413 problem ({@code payload-too-large}) before any of it is read. Quarkus itself refuses such a request
 * one route later (order -2) with a bare, empty 413; this route runs just before it and gives the same refusal the
 * shape of every other error. A chunked body without Content-Length that grows past the limit is still cut off by
 * Quarkus while it is read (its bare 413): the size is unknown until then.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Just before Quarkus's own upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2), after the configured headers. */
    static final int ORDER = -3;

    private final long limit;
    private final ObjectMapper json;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (!exceeds(context.request().getHeader(HttpHeaders.CONTENT_LENGTH), limit)) {
            context.next();
            return;
        }
        Problem problem = new Problem(Problem.TYPE_BASE + "payload-too-large", "Request body too large", 413,
                "The request body may be at most " + limit + " bytes", context.request().path(), null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the body is not read: the connection is closed after the answer, as Quarkus does
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }

    /** Whether a Content-Length header declares more than the limit; an absent or malformed one is left to Vert.x. */
    static boolean exceeds(String contentLength, long limit) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
