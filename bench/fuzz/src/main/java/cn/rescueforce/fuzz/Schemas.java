package cn.rescueforce.fuzz;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What the fuzzer needs to know of a (fully resolved, OpenAPI 3.0 or 3.1) schema. */
final class Schemas {

    private Schemas() {
    }

    /** The schema itself, or the first alternative of a oneOf/anyOf, or the single part of an allOf. */
    static Schema<?> effective(Schema<?> s) {
        if (s == null) {
            return null;
        }
        if (s.getType() == null && (s.getTypes() == null || s.getTypes().isEmpty()) && s.getProperties() == null) {
            List<Schema> alternatives = s.getOneOf() != null ? s.getOneOf() : s.getAnyOf() != null ? s.getAnyOf() : s.getAllOf();
            if (alternatives != null) {
                for (Schema<?> a : alternatives) {
                    String t = type(a);
                    if (!"null".equals(t)) {
                        return effective(a);
                    }
                }
            }
        }
        return s;
    }

    static String type(Schema<?> s) {
        if (s == null) {
            return null;
        }
        if (s.getType() != null) {
            return s.getType();
        }
        if (s.getTypes() != null) {
            for (String t : s.getTypes()) {
                if (!"null".equals(t)) {
                    return t;
                }
            }
            return "null";
        }
        if (s.getProperties() != null) {
            return "object";
        }
        if (s.getItems() != null) {
            return "array";
        }
        return null;
    }

    static boolean nullable(Schema<?> s) {
        if (s == null) {
            return true;
        }
        if (Boolean.TRUE.equals(s.getNullable())) {
            return true;
        }
        if (s.getTypes() != null && s.getTypes().contains("null")) {
            return true;
        }
        List<Schema> alternatives = s.getOneOf() != null ? s.getOneOf() : s.getAnyOf();
        if (alternatives != null) {
            return alternatives.stream().anyMatch(a -> "null".equals(type(a)));
        }
        return false;
    }

    static Map<String, Schema> properties(Schema<?> s) {
        Schema<?> e = effective(s);
        return e == null || e.getProperties() == null ? Map.of() : e.getProperties();
    }

    static List<String> required(Schema<?> s) {
        Schema<?> e = effective(s);
        return e == null || e.getRequired() == null ? List.of() : e.getRequired();
    }

    static List<?> enumValues(Schema<?> s) {
        Schema<?> e = effective(s);
        if (e == null) {
            return null;
        }
        if (e.getEnum() != null && !e.getEnum().isEmpty()) {
            return e.getEnum();
        }
        return null;
    }

    static BigDecimal minimum(Schema<?> s) {
        Schema<?> e = effective(s);
        if (e == null) {
            return null;
        }
        if (e.getMinimum() != null) {
            return e.getMinimum();
        }
        return e.getExclusiveMinimumValue();
    }

    static BigDecimal maximum(Schema<?> s) {
        Schema<?> e = effective(s);
        if (e == null) {
            return null;
        }
        if (e.getMaximum() != null) {
            return e.getMaximum();
        }
        return e.getExclusiveMaximumValue();
    }

    static boolean matches(Schema<?> s, String value) {
        Schema<?> e = effective(s);
        if (e == null || e.getPattern() == null) {
            return true;
        }
        try {
            return Pattern.compile(e.getPattern()).matcher(value).find();
        } catch (RuntimeException bad) {
            return true;
        }
    }

    /** Whether a string of this length or content is outside what the schema allows anyway. */
    static boolean constrainsText(Schema<?> s) {
        Schema<?> e = effective(s);
        return e != null && (e.getMaxLength() != null || e.getPattern() != null || enumValues(e) != null
                || (e.getFormat() != null && !"password".equals(e.getFormat())));
    }
}
