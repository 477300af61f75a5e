package cn.rescueforce.kit.problem;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.params.StrictParams;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ParamConverter;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which parameter of the matched operation a request's value does not convert for. Quarkus REST refuses such a
 * value (an enum value the contract does not list, a malformed UUID, date-time or integer) with a bare 404 (path and
 * query parameters) or 400 (header parameters) whose cause does not name the parameter; the operation's method does:
 * its path, query and header parameters (annotated on the generated interface the resource implements) are read
 * from the request again and converted the same way, and the first one that fails is the one refused.
 */
final class ParameterFailures {

    private static final StrictParams STRICT = new StrictParams();

    private ParameterFailures() {
    }

    /** The field error naming the refused parameter, with the allowed values of an enum; empty when none is found. */
    static Optional<Problem.FieldError> of(Method method, UriInfo uri, HttpHeaders headers) {
        if (method == null || uri == null) {
            return Optional.empty();
        }
        Type[] types = method.getGenericParameterTypes();
        for (int i = 0; i < types.length; i++) {
            Optional<Problem.FieldError> refused = refused(annotationsOf(method, i), types[i], uri, headers);
            if (refused.isPresent()) {
                return refused;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem.FieldError> refused(Annotation[] annotations, Type type, UriInfo uri, HttpHeaders headers) {
        for (Annotation annotation : annotations) {
            String name;
            List<String> values;
            if (annotation instanceof QueryParam query) {
                name = query.value();
                values = uri.getQueryParameters().get(name);
            } else if (annotation instanceof PathParam path) {
                name = path.value();
                values = uri.getPathParameters().get(name);
            } else if (annotation instanceof HeaderParam header && headers != null) {
                name = header.value();
                values = headers.getRequestHeader(name);
            } else {
                continue;
            }
            Class<?> target = elementType(type);
            for (String value : values == null ? List.<String>of() : values) {
                Optional<Text> why = refusal(target, value);
                if (why.isPresent()) {
                    return Optional.of(new Problem.FieldError(name, why.get()));
                }
            }
        }
        return Optional.empty();
    }

    /** Why {@code value} does not convert to {@code target}; empty when it does. */
    static Optional<Text> refusal(Class<?> target, String value) {
        Function<String, ?> convert = converterOf(target);
        if (convert == null) {
            return Optional.empty();
        }
        try {
            convert.apply(value);
            return Optional.empty();
        } catch (RuntimeException e) {
            if (target.isEnum()) {
                String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
                return Optional.of(Text.of("must be one of {0}", allowed));
            }
            Throwable cause = e instanceof ConversionFailed failed ? failed.getCause() : e;
            return Optional.of(Text.of("malformed value: {0}", cause.getMessage() == null ? value : cause.getMessage()));
        }
    }

    /**
     * The conversion JAX-RS applies: the kit's strict integers and booleans, else an enum's {@code fromString}, a
     * static {@code valueOf(String)}, {@code fromString(String)} or {@code parse(CharSequence)} (the java.time
     * types), or a constructor taking a String. Null when the type takes any string.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Function<String, ?> converterOf(Class<?> target) {
        if (target == String.class || target == Object.class) {
            return null;
        }
        ParamConverter<?> strict = STRICT.getConverter((Class) target, target, new Annotation[0]);
        if (strict != null) {
            return strict::fromString;
        }
        List<String> names = target.isEnum() ? List.of("fromString", "valueOf") : List.of("valueOf", "fromString");
        for (String name : names) {
            Method factory = staticMethod(target, name, String.class);
            if (factory != null) {
                return value -> invoke(factory, value);
            }
        }
        Method parse = staticMethod(target, "parse", CharSequence.class);
        if (parse != null) {
            return value -> invoke(parse, value);
        }
        try {
            var constructor = target.getConstructor(String.class);
            return value -> {
                try {
                    return constructor.newInstance(value);
                } catch (InvocationTargetException e) {
                    throw new ConversionFailed(e.getCause());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Method staticMethod(Class<?> type, String name, Class<?> parameter) {
        try {
            Method method = type.getMethod(name, parameter);
            return Modifier.isStatic(method.getModifiers()) && type.isAssignableFrom(method.getReturnType()) ? method : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object invoke(Method factory, String value) {
        try {
            return factory.invoke(null, value);
        } catch (InvocationTargetException e) {
            throw new ConversionFailed(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A collection parameter ({@code List<Specialty>}) converts each value to its element type. */
    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && (Collection.class.isAssignableFrom(raw) || raw == Optional.class)
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            return element;
        }
        if (type instanceof Class<?> plain) {
            return plain;
        }
        return Object.class;
    }

    /**
     * The annotations of a parameter, from the method or, when it has none there, from the same method of a
     * superclass or interface (the generated API interfaces carry them; the resources implementing them do not).
     */
    static Annotation[] annotationsOf(Method method, int index) {
        Deque<Class<?>> types = new ArrayDeque<>();
        types.add(method.getDeclaringClass());
        while (!types.isEmpty()) {
            Class<?> type = types.poll();
            try {
                Method candidate = type == method.getDeclaringClass() ? method : type.getDeclaredMethod(method.getName(), method.getParameterTypes());
                Annotation[] annotations = candidate.getParameterAnnotations()[index];
                if (Arrays.stream(annotations).anyMatch(a -> a instanceof QueryParam || a instanceof PathParam || a instanceof HeaderParam)) {
                    return annotations;
                }
            } catch (NoSuchMethodException e) {
                // not declared here: look further up
            }
            if (type.getSuperclass() != null) {
                types.add(type.getSuperclass());
            }
            types.addAll(Arrays.asList(type.getInterfaces()));
        }
        return new Annotation[0];
    }

    /** The failure of a conversion itself, not of the reflection that called it. */
    private static final class ConversionFailed extends RuntimeException {
        ConversionFailed(Throwable cause) {
            super(cause);
        }
    }
}
