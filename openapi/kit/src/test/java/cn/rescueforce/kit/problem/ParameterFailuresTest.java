package cn.rescueforce.kit.problem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A parameter value that does not convert is refused naming the parameter as the contract does ({@code category}, not
 * "parameter"), with the allowed values of an enum; the parameters are found on the generated interface the resource
 * implements, whatever their kind (query, path, header).
 */
class ParameterFailuresTest {

    /** As the contracts' enums are generated: a value of their own, converted by {@code fromString}. */
    public enum Category {
        MINING("MINING"), OTHER("OTHER");

        private final String value;

        Category(String value) {
            this.value = value;
        }

        @Override
        public String toString() {
            return value;
        }

        public static Category fromString(String s) {
            for (Category c : values()) {
                if (c.value.equals(s)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("Unexpected string value '" + s + "'");
        }
    }

    /** As the generated server interfaces: the parameters are annotated here. */
    public interface Api {
        @GET
        Object list(@QueryParam("page") Integer page, @QueryParam("category") Category category,
                    @QueryParam("specialty") List<Category> specialty, @QueryParam("from") OffsetDateTime from);

        @GET
        Object get(@PathParam("teamId") UUID teamId, @HeaderParam("If-Match") String ifMatch, @HeaderParam("X-Count") Long count);
    }

    /** As the services' resources: implementing the interface, without annotations of their own. */
    public static class Resource implements Api {
        @Override
        public Object list(Integer page, Category category, List<Category> specialty, OffsetDateTime from) {
            return null;
        }

        @Override
        public Object get(UUID teamId, String ifMatch, Long count) {
            return null;
        }
    }

    @Test
    void anEnumQueryValueNamesTheParameterAndTheAllowedValues() throws Exception {
        Problem.FieldError error = refused(list(), Map.of("page", "0", "category", "FOO"), Map.of(), Map.of()).orElseThrow();
        assertEquals("category", error.field());
        assertEquals("must be one of MINING, OTHER", error.message().english());
    }

    @Test
    void eachValueOfARepeatedParameterIsConverted() throws Exception {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        query.addAll("specialty", "MINING", "SWIMMING");
        Problem.FieldError error = ParameterFailures.of(list(), uri(query, new MultivaluedHashMap<>()), headers(Map.of())).orElseThrow();
        assertEquals("specialty", error.field());
        assertEquals("must be one of MINING, OTHER", error.message().english());
    }

    @Test
    void malformedNumbersDatesAndIdsNameTheirParameter() throws Exception {
        assertEquals("page", refused(list(), Map.of("page", "１"), Map.of(), Map.of()).orElseThrow().field(),
                "a full-width digit is refused as the kit's strict integers refuse it");
        Problem.FieldError date = refused(list(), Map.of("from", "yesterday"), Map.of(), Map.of()).orElseThrow();
        assertEquals("from", date.field());
        assertTrue(date.message().english().startsWith("malformed value: "), date.message().english());
        assertEquals("teamId", refused(get(), Map.of(), Map.of("teamId", "not-a-uuid"), Map.of()).orElseThrow().field());
        assertEquals("X-Count", refused(get(), Map.of(), Map.of("teamId", UUID.randomUUID().toString()), Map.of("X-Count", "many"))
                .orElseThrow().field());
    }

    @Test
    void valuesThatConvertAndUnknownRoutesNameNothing() throws Exception {
        assertTrue(refused(list(), Map.of("page", "2", "category", "MINING", "from", "2026-11-23T01:55:00Z"), Map.of(), Map.of()).isEmpty());
        assertTrue(refused(get(), Map.of(), Map.of("teamId", UUID.randomUUID().toString()), Map.of("If-Match", "\"3\"", "X-Count", "7")).isEmpty());
        assertTrue(ParameterFailures.of(null, uri(new MultivaluedHashMap<>(), new MultivaluedHashMap<>()), headers(Map.of())).isEmpty());
    }

    private static Method list() throws NoSuchMethodException {
        return Resource.class.getMethod("list", Integer.class, Category.class, List.class, OffsetDateTime.class);
    }

    private static Method get() throws NoSuchMethodException {
        return Resource.class.getMethod("get", UUID.class, String.class, Long.class);
    }

    private static Optional<Problem.FieldError> refused(Method method, Map<String, String> query, Map<String, String> path,
                                                        Map<String, String> headers) {
        MultivaluedMap<String, String> q = new MultivaluedHashMap<>();
        query.forEach(q::add);
        MultivaluedMap<String, String> p = new MultivaluedHashMap<>();
        path.forEach(p::add);
        return ParameterFailures.of(method, uri(q, p), headers(headers));
    }

    private static UriInfo uri(MultivaluedMap<String, String> query, MultivaluedMap<String, String> path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[]{UriInfo.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "getQueryParameters" -> query;
                    case "getPathParameters" -> path;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static HttpHeaders headers(Map<String, String> headers) {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[]{HttpHeaders.class}, (proxy, method, args) -> {
            if (method.getName().equals("getRequestHeader")) {
                String value = headers.get((String) args[0]);
                return value == null ? null : List.of(value);
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
