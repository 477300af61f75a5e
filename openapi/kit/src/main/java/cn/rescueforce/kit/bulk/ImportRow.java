package cn.rescueforce.kit.bulk;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** 400 validation naming every field read so far that could not be read. */
    public void check() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(List.copyOf(errors));
        }
    }
}
