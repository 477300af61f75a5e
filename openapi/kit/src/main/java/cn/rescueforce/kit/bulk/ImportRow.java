package cn.rescueforce.kit.bulk;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A data row of an import (number as the spreadsheet shows it, the header being row 1), its cells by column key.
 * The typed reads collect every unreadable cell, and {@link #check()} raises them together as the same 400 problem
 * a single request with those fields would get.
 */
public final class ImportRow {

    private final int number;
    private final Map<String, String> values;
    private final List<FieldError> errors = new ArrayList<>();

    public ImportRow(int number, Map<String, String> values) {
        this.number = number;
        this.values = values;
    }

    public int number() {
        return number;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The text, or null when the cell is empty. */
    public String text(String key) {
        return values.get(key);
    }

    /** The text; an empty cell is an error of this field. */
    public String requiredText(String key) {
        String value = values.get(key);
        if (value == null) {
            errors.add(new FieldError(key, Text.of("is required")));
        }
        return value;
    }

    public <E extends Enum<E>> E enumValue(String key, Function<String, E> fromValue, boolean required) {
        String value = required ? requiredText(key) : text(key);
        if (value == null) {
            return null;
        }
        try {
            return fromValue.apply(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(key, Text.of("unknown value")));
            return null;
        }
    }

    /** A list of enum values (as {@link #list}); a value that is none of them is an error of the field, the rest kept. */
    public <E extends Enum<E>> List<E> enumValues(String key, Function<String, E> fromValue) {
        List<E> values = new java.util.ArrayList<>();
        for (String value : list(key)) {
            try {
                values.add(fromValue.apply(value));
            } catch (IllegalArgumentException e) {
                if (errors.stream().noneMatch(error -> error.field().equals(key))) {
                    errors.add(new FieldError(key, Text.of("unknown value")));
                }
            }
        }
        return values;
    }

    /** A date written yyyy-MM-dd (a date cell of a spreadsheet is read in this form). */
    public LocalDate date(String key, boolean required) {
        String value = required ? requiredText(key) : text(key);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(key, Text.of("must be a date written yyyy-MM-dd")));
            return null;
        }
    }

    public Integer integer(String key, boolean required) {
        String value = required ? requiredText(key) : text(key);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.endsWith(".0") ? value.substring(0, value.length() - 2) : value);
        } catch (NumberFormatException e) {
            errors.add(new FieldError(key, Text.of("must be a whole number")));
            return null;
        }
    }

    /** An id as the API writes it (a UUID). */
    public UUID uuid(String key, boolean required) {
        String value = required ? requiredText(key) : text(key);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(key, Text.of("must be an id (a UUID)")));
            return null;
        }
    }

    /** A decimal number (a coordinate); a comma as the decimal separator is not accepted. */
    public Double decimal(String key, boolean required) {
        String value = required ? requiredText(key) : text(key);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new NumberFormatException(value);
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(key, Text.of("must be a number")));
            return null;
        }
    }

    /** A list in one cell, its items separated by {@code ;}, {@code ,}, {@code 、} or {@code ；}; empty when the cell is. */
    public List<String> list(String key) {
        String value = text(key);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split("[;,、；，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The request the row stands for, checked by the same constraints (the contract's, generated onto the API
     * models) as the single-item request's body: each violation is an error of its field, the field being the
     * request's property path ({@code baseLocation.lat}) as {@code columnOf} names it in the file ({@code baseLat}),
     * or the path itself.
     */
    public void validate(Validator validator, Object request, Map<String, String> columnOf) {
        for (ConstraintViolation<Object> violation : validator.validate(request)) {
            String path = violation.getPropertyPath().toString();
            int cut = path.indexOf('[');
            String property = cut < 0 ? path : path.substring(0, cut);
            String field = columnOf.getOrDefault(property, property);
            if (errors.stream().noneMatch(e -> e.field().equals(field))) {
                errors.add(new FieldError(field, Text.of("{0}", violation.getMessage())));
            }
        }
    }

    /** A problem of a field found by the kind's own reading of the row (reported with the others by {@link #check()}). */
    public void error(String key, Text message) {
        errors.add(new FieldError(key, message));
    }

    /** 400 validation naming every field read so far that could not be read. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
    }
}
