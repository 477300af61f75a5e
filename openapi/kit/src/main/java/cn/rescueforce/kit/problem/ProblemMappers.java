package cn.rescueforce.kit.problem;

import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.kit.i18n.Text;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every failure leaves as application/problem+json: validation with the field named, security with its
 * status, a database out of reach as a 503 with Retry-After, anything unexpected as a 500 that reveals nothing
 * internal (no message, no stack, no SQL: those go to the log).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** The seconds a client is asked to wait when the database cannot be reached: a reconnect or a failover. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /** The services' names for their unique constraints (none: the generic conflict). */
    @jakarta.inject.Inject
    jakarta.enterprise.inject.Instance<UniqueViolations> uniqueViolations;

    @jakarta.inject.Inject
    BeanValidationMessages validationMessages;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        return ProblemResponses.of(e, path(uri), Language.of(headers));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        Language language = Language.of(headers);
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), Text.of("{0}", validationMessages == null ? v.getMessage()
                        : validationMessages.of(v, language))))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return ProblemResponses.invalid(errors, path(uri), language);
    }

    // registered for the subtypes too, ahead of the built-in mismatched-input mapper, which answers without the field
    @ServerExceptionMapper(value = {JsonProcessingException.class, JsonMappingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class, JsonParseException.class},
            priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response unreadableJson(JsonProcessingException e, UriInfo uri, HttpHeaders headers) {
        return ProblemResponses.invalid(List.of(fieldErrorOf(e)), path(uri), Language.of(headers));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, headers);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return ProblemResponses.of(ProblemException.forbidden(Text.of("This management level may not do this")), path(uri), Language.of(headers));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentChange(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        return ProblemResponses.of(412, Problem.TYPE_BASE + "precondition-failed", "Resource changed",
                Text.of("The resource was changed concurrently; read it again and retry"), path(uri), null, Language.of(headers));
    }

    /** A unique constraint that a concurrent request won: the same answer the service gives when it sees it first. */
    @ServerExceptionMapper
    public Response uniqueViolation(org.hibernate.exception.ConstraintViolationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
            String constraint = e.getConstraintName();
            for (UniqueViolations known : uniqueViolations == null ? List.<UniqueViolations>of() : uniqueViolations) {
                var problem = constraint == null ? java.util.Optional.<ProblemException>empty() : known.problemFor(constraint);
                if (problem.isPresent()) {
                    return ProblemResponses.of(problem.get(), path(uri), Language.of(headers));
                }
            }
            return ProblemResponses.of(ProblemException.conflict(Text.of("The request conflicts with an existing record ({0})",
                    constraint)), path(uri), Language.of(headers));
        }
        return unexpected(e, uri, headers);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers, ResourceInfo resource) {
        Language language = Language.of(headers);
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json, uri, headers);
        }
        int status = e.getResponse().getStatus();
        if ((status == 404 || status == 400) && cause != null) {
            // a path or query parameter that does not convert to its type (an enum value the contract does not list,
            // a malformed UUID or date-time) is a bad request, not a missing resource (a route that does not exist has
            // no cause); a header parameter that does not convert arrives as a 400: both name the parameter
            Optional<Problem.FieldError> refused = ParameterFailures.of(resource == null ? null : resource.getResourceMethod(), uri, headers);
            if (refused.isPresent()) {
                return ProblemResponses.invalid(List.of(refused.get()), path(uri), language);
            }
        }
        if (status == 404 && cause != null) {
            return ProblemResponses.invalid(List.of(new Problem.FieldError("parameter", Text.of("malformed value: {0}", cause.getMessage()))), path(uri), language);
        }
        if (status == 400) {
            String message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getMessage();
            return ProblemResponses.invalid(List.of(new Problem.FieldError("request", message == null ? Text.of("malformed request")
                    : Text.of("malformed request: {0}", message))), path(uri), language);
        }
        String title = Response.Status.fromStatusCode(status) != null ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        String type = switch (status) {
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
        Text detail = switch (status) {
            case 404 -> Text.of("No such path");
            case 405 -> Text.of("The path exists, but not with this method");
            case 406 -> Text.of("No media type in Accept is one this operation answers");
            case 415 -> Text.of("The body's media type (Content-Type) is not one this operation takes");
            default -> Text.of("HTTP status {0}", status);
        };
        return ProblemResponses.of(status, Problem.TYPE_BASE + type, title, detail, path(uri), null, language);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        Language language = Language.of(headers);
        if (databaseUnreachable(e)) {
            // a moment without the database (restart, failover, every pooled connection busy) is not a fault of the
            // request: the client is told to come back, and the log says so once, without the stack
            LOG.warnf("database unavailable on %s: %s", path(uri), e);
            return Response.fromResponse(ProblemResponses.of(503, Problem.TYPE_BASE + "database-unavailable", "Database unavailable",
                            Text.of("The database cannot be reached right now; nothing was changed, retry in {0} s",
                                    DATABASE_RETRY_AFTER_SECONDS), path(uri), null, language))
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                    .build();
        }
        // a unique constraint or a concurrent change found only when the transaction commits arrives wrapped
        // (QuarkusTransactionException, RollbackException): the same answer as when it is thrown directly, not a
        // 500 (found by bench/fuzz.sh: two concurrent creations of the same standard code)
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException unique
                    && unique.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                return uniqueViolation(unique, uri, headers);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentChange((RuntimeException) cause, uri, headers);
            }
        }
        LOG.errorf(e, "unexpected failure on %s", path(uri));
        return ProblemResponses.of(500, Problem.TYPE_BASE + "internal", "Internal error",
                Text.of("The request could not be completed; nothing was changed"), path(uri), null, language);
    }

    /**
     * Whether the failure, or one of its causes, is the database out of reach: Hibernate's
     * {@link JDBCConnectionException}, a JDBC connection exception, an SQLState of class 08 (connection exception; the
     * PostgreSQL driver's "connection refused" is 08001), the server ending or refusing connections (57P01
     * admin_shutdown, which a primary's switchover or restart sends to every open connection, 57P02 crash_shutdown,
     * 57P03 cannot_connect_now), or the Agroal pool giving up waiting for a connection (a plain SQLException saying
     * "acquisition timeout", without SQLState).
     */
    static boolean databaseUnreachable(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause() == cause ? null : cause.getCause(), depth++) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = sql.getMessage();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))
                        || message != null && message.toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Response unauthenticated(UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(ProblemResponses.of(401, Problem.TYPE_BASE + "unauthorized", "Authentication required",
                        Text.of("A valid bearer token whose claims fit its management level is required"), path(uri), null,
                        Language.of(headers)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getKind() != ElementKind.PROPERTY && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            // a node "in an iterable" is an element of the previous node: lines[0].minimumQuantity
            if (node.isInIterable() && !properties.isEmpty()) {
                String key = node.getIndex() != null ? String.valueOf(node.getIndex()) : node.getKey() != null ? String.valueOf(node.getKey()) : "";
                int last = properties.size() - 1;
                properties.set(last, properties.get(last) + "[" + key + "]");
            }
            String name = node.getName();
            if (name != null && !name.isEmpty() && !name.startsWith("<")) {
                properties.add(name);
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter == null ? "request" : headerNameOf(parameter);
    }

    /** Generated interfaces name header parameters in camel case; clients know them by their header name. */
    private static String headerNameOf(String parameter) {
        return switch (parameter) {
            case "ifMatch" -> "If-Match";
            case "ifNoneMatch" -> "If-None-Match";
            case "idempotencyKey" -> "Idempotency-Key";
            default -> parameter;
        };
    }

    static Problem.FieldError fieldErrorOf(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return new Problem.FieldError("body", Text.of("malformed JSON: {0}", e.getOriginalMessage()));
        }
        if (e instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            if (field.isEmpty()) {
                field = "body";
            }
            if (e instanceof UnrecognizedPropertyException) {
                return new Problem.FieldError(field, Text.of("unknown field"));
            }
            Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType()
                    // a generated enum refuses an unknown value in its @JsonCreator: name the allowed values too
                    : e instanceof ValueInstantiationException instantiation ? instantiation.getType().getRawClass() : null;
            if (target != null && target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
                return new Problem.FieldError(field, Text.of("must be one of {0}", allowed));
            }
            if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
                String type = target == null ? "value" : target.getSimpleName().toLowerCase(Locale.ROOT);
                return new Problem.FieldError(field, Text.of("not a valid {0}", type));
            }
            Throwable cause = e.getCause();
            return new Problem.FieldError(field, cause != null && cause.getMessage() != null ? Text.of("invalid value: {0}", cause.getMessage())
                    : Text.of("invalid value"));
        }
        return new Problem.FieldError("body", Text.of("unreadable body"));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
