package cn.rescueforce.kit.params;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Integer parameters (paging, {@code withinDays}, …) take ASCII digits only, as the contracts' {@code integer}
 * schemas say. Java's own conversion also reads other Unicode digits ({@code page=１}, a full-width one, was read
 * as page 1; found by the contract fuzzer, {@code bench/fuzz.sh}). A value that is not an integer is refused like
 * any other unconvertible parameter: a 400 {@code validation} problem (the kit's problem mappers).
 */
@Provider
public class StrictIntegers implements ParamConverterProvider {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Strict<>(Integer::valueOf);
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Strict<>(Long::valueOf);
        }
        return null;
    }

    static final class Strict<N extends Number> implements ParamConverter<N> {

        private final Function<String, N> parse;

        Strict(Function<String, N> parse) {
            this.parse = parse;
        }

        @Override
        public N fromString(String value) {
            if (value == null) {
                return null;
            }
            if (!INTEGER.matcher(value).matches()) {
                throw new IllegalArgumentException("not an integer");
            }
            return parse.apply(value);
        }

        @Override
        public String toString(N value) {
            return value == null ? null : value.toString();
        }
    }
}
