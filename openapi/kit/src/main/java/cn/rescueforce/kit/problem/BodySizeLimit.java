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
 * A request whose declared body (Content-Length) is above its route's limit is answered with a 413 problem
 * ({@code payload-too-large}) before any of it is read. Two limits: a bulk file's upload
 * ({@code POST /api/v1/bulk/{kind}/import-jobs}) may be up to {@code rescue-force.bulk.max-upload-size} (20 MiB),
 * every other route keeps {@code rescue-force.http.max-body-size} (1 MiB). Quarkus has one body limit for every
 * route ({@code quarkus.http.limits.max-body-size}, enforced while a body is read, order -2, with a bare 413): it is
 * set to the larger, the upload's, and this route (just before it) holds every other route to the smaller. As the
 * smaller limit can only be checked against a declared length, a body without Content-Length (chunked) is refused
 * on those routes with 411 {@code length-required}; an upload may be chunked and is cut off at the larger limit.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Just before Quarkus's own upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2), after the configured headers. */
    static final int ORDER = -3;

    /** The upload routes of bulk files; only POST there may be larger. */
    static final java.util.regex.Pattern UPLOAD = java.util.regex.Pattern.compile("/api/v1/bulk/[a-z-]+/import-jobs/?");

    private final long limit;
    private final long uploadLimit;
    private final ObjectMapper json;

    BodySizeLimit(@ConfigProperty(name = "rescue-force.http.max-body-size", defaultValue = "1M") MemorySize limit,
                  @ConfigProperty(name = "rescue-force.bulk.max-upload-size", defaultValue = "20M") MemorySize uploadLimit,
                  ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.uploadLimit = uploadLimit.asLongValue();
        this.json = json;
    }

    static boolean isUpload(String method, String path) {
        return "POST".equals(method) && path != null && UPLOAD.matcher(path).matches();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext context) {
        boolean upload = isUpload(context.request().method().name(), context.request().path());
        long applies = upload ? uploadLimit : limit;
        String contentLength = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (!upload && contentLength == null && context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            refuse(context, new Problem(Problem.TYPE_BASE + "length-required", "Content-Length required", 411,
                    "A request body is sent with its Content-Length (at most " + limit + " bytes)",
                    context.request().path(), null));
            return;
        }
        if (!exceeds(contentLength, applies)) {
            context.next();
            return;
        }
        refuse(context, new Problem(Problem.TYPE_BASE + "payload-too-large", "Request body too large", 413,
                "The request body may be at most " + applies + " bytes", context.request().path(), null));
    }

    private void refuse(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the body is not read: the connection is closed after the answer, as Quarkus does
        context.response().setStatusCode(problem.status())
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
