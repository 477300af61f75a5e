package cn.rescueforce.kit.params;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Integer and boolean parameters (paging, {@code withinDays}, {@code currentOnly}, {@code overdue}, …) take what
 * the contracts' {@code integer} and {@code boolean} schemas say: ASCII digits, {@code true} or {@code false}.
 * Java's own conversion also reads other Unicode digits ({@code page=１}, a full-width one, was read as page 1) and
 * takes any word but "true" for false ({@code overdue=yes} listed the assessments that are not overdue); both
 * found by the contract fuzzer, {@code bench/fuzz.sh}. Anything else is refused like any other unconvertible
 * parameter: a 400 {@code validation} problem (the kit's problem mappers).
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern BOOLEAN = Pattern.compile("true|false");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Strict<>(INTEGER, Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Strict<>(INTEGER, Long::valueOf);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new Strict<>(BOOLEAN, Boolean::valueOf);
        }
        return null;
    }

    static final class Strict<V> implements ParamConverter<V> {

        private final Pattern form;
        private final Function<String, V> parse;

        Strict(Pattern form, Function<String, V> parse) {
            this.form = form;
            this.parse = parse;
        }

        @Override
        public V fromString(String value) {
            if (value == null) {
                return null;
            }
            if (!form.matcher(value).matches()) {
                throw new IllegalArgumentException("malformed value");
            }
            return parse.apply(value);
        }

        @Override
        public String toString(V value) {
            return value == null ? null : value.toString();
        }
    }
}
