package cn.rescueforce.kit.problem;

import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.kit.i18n.Text;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request whose declared body (Content-Length) is above {@code rescue-force.http.max-body-size} (by default
 * {@code quarkus.http.limits.max-body-size}) is answered with a 413 problem ({@code payload-too-large}) before any of
 * it is read. Quarkus itself refuses such a request one route later (order -2) with a bare, empty 413; this route runs
 * just before it and gives the same refusal the shape of every other error. A chunked body without Content-Length
 * that grows past the limit is still cut off by Quarkus while it is read (its bare 413): the size is unknown until
 * then.
 *
 * <p>Upload routes: a service that accepts large files on a few paths ({@code rescue-force.http.large-body-paths}, a
 * regular expression; assessment-api's evidence files) raises Quarkus's limit to the largest file and keeps this
 * limit for every other path: their declared bodies are refused here, and their chunked bodies are cut off at this
 * limit (a route after Quarkus's own hands the stream that reads them this limit instead of Quarkus's). A large-body
 * path is left to its resource, which enforces its own limits while it streams the body.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Just before Quarkus's own upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2), after the configured headers. */
    static final int ORDER = -3;
    /** Just after Quarkus's own upload limit, which sets the limit of a chunked body's stream. */
    static final int CHUNKED_ORDER = -1;

    private final long limit;
    private final long quarkusLimit;
    private final Pattern largeBodyPaths;
    private final ObjectMapper json;

    BodySizeLimit(@ConfigProperty(name = "rescue-force.http.max-body-size") MemorySize limit,
                  @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize quarkusLimit,
                  @ConfigProperty(name = "rescue-force.http.large-body-paths") Optional<String> largeBodyPaths, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.quarkusLimit = quarkusLimit.asLongValue();
        this.largeBodyPaths = largeBodyPaths.filter(p -> !p.isBlank()).map(Pattern::compile).orElse(null);
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
        if (limit < quarkusLimit) {
            router.route().order(CHUNKED_ORDER).handler(this::limitChunked);
        }
    }

    private boolean isLargeBodyPath(RoutingContext context) {
        return largeBodyPaths != null && largeBodyPaths.matcher(context.request().path()).matches();
    }

    /** A chunked body of an ordinary path is read up to this limit, not up to Quarkus's (raised for uploads). */
    private void limitChunked(RoutingContext context) {
        if (context.get(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY) != null && !isLargeBodyPath(context)) {
            context.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, limit);
        }
        context.next();
    }

    private void check(RoutingContext context) {
        if (isLargeBodyPath(context) || !exceeds(context.request().getHeader(HttpHeaders.CONTENT_LENGTH), limit)) {
            context.next();
            return;
        }
        Language language = Language.negotiate(context.request().getHeader(Language.ACCEPT_LANGUAGE));
        Problem problem = new ProblemException(413, "payload-too-large", "Request body too large",
                Text.of("The request body may be at most {0} bytes", limit), null).render(context.request().path(), language);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the body is not read: the connection is closed after the answer, as Quarkus does
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(Language.CONTENT_LANGUAGE, language.tag())
                .putHeader(HttpHeaders.VARY, Language.ACCEPT_LANGUAGE)
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
