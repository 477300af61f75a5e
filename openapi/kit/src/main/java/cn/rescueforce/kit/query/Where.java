package cn.rescueforce.kit.query;

import io.quarkus.panache.common.Parameters;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code where} part of a list query built from optional filters: a condition is added only when its
 * value is given, every value is a named parameter (never concatenated), and the parameter names are
 * generated so that two filters on one column cannot collide.
 * <pre>{@code
 * Where where = new Where()
 *         .equal("status", filter.status())          // skipped when null
 *         .atLeast("issuedAt", filter.issuedFrom())
 *         .before("issuedAt", filter.issuedTo());
 * repository.find(where.query(), sort, where.parameters());
 * }</pre>
 */
public final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();
    private int next;

    /** {@code column = value}, when value is given. */
    public Where equal(String column, Object value) {
        return compare(column, "=", value);
    }

    /** {@code column >= value}, when value is given (the start of a half-open range). */
    public Where atLeast(String column, Object value) {
        return compare(column, ">=", value);
    }

    /** {@code column < value}, when value is given (the end of a half-open range). */
    public Where before(String column, Object value) {
        return compare(column, "<", value);
    }

    /** {@code column <= value}, when value is given. */
    public Where atMost(String column, Object value) {
        return compare(column, "<=", value);
    }

    /** Case-insensitive substring match, when text is given and not blank. */
    public Where contains(String column, String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String name = name();
        parameters.and(name, "%" + escapeLike(text.trim().toLowerCase()) + "%");
        conditions.add("lower(" + column + ") like :" + name + " escape '\\'");
        return this;
    }

    /**
     * A condition with named parameters of its own, added as it is; {@code values} are its parameters by
     * name. Use for what the other methods cannot say ({@code "(a = :x or b = :x)"}).
     */
    public Where condition(String condition, Map<String, Object> values) {
        if (condition == null || condition.isBlank()) {
            return this;
        }
        values.forEach(parameters::and);
        conditions.add(condition);
        return this;
    }

    /** A condition without parameters ({@code "closedAt is null"}), when {@code when} holds. */
    public Where condition(boolean when, String condition) {
        if (when) {
            conditions.add(condition);
        }
        return this;
    }

    /**
     * Rows that meet at least one of the alternatives, each built on a {@code Where} of its own whose parameter
     * names stay unique within this query ({@code anyOf(w -> w.equal("a", x), w -> w.equal("b", y))} gives
     * {@code ((a = :p0) or (b = :p1))}). An alternative without conditions admits every row, so then nothing is
     * added.
     */
    @SafeVarargs
    public final Where anyOf(UnaryOperator<Where>... alternatives) {
        List<String> any = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        for (UnaryOperator<Where> alternative : alternatives) {
            Where part = new Where();
            part.next = next;
            alternative.apply(part);
            next = part.next;
            if (part.isEmpty()) {
                return this;
            }
            any.add("(" + part.query() + ")");
            values.putAll(part.parameterMap());
        }
        return any.isEmpty() ? this : condition("(" + String.join(" or ", any) + ")", values);
    }

    /** A parameter name unique within this query, for {@link #condition(String, Map)}. */
    public String name() {
        return "p" + (next++);
    }

    /** The conditions joined with {@code and}; "" when there is none, which Panache reads as "all rows". */
    public String query() {
        return String.join(" and ", conditions);
    }

    /** The conditions as a clause for a hand-written query: "" or {@code " where …"}. */
    public String clause() {
        return conditions.isEmpty() ? "" : " where " + query();
    }

    public Parameters parameters() {
        return parameters;
    }

    public Map<String, Object> parameterMap() {
        return parameters.map();
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    private Where compare(String column, String operator, Object value) {
        if (value == null) {
            return this;
        }
        String name = name();
        // a date-time filter compares as an instant, the way the entities store times
        parameters.and(name, value instanceof OffsetDateTime time ? time.toInstant() : value);
        conditions.add(column + " " + operator + " :" + name);
        return this;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public String toString() {
        return query() + " " + parameters.map();
    }
}
