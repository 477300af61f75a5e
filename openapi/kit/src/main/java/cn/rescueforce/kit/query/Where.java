package cn.rescueforce.kit.query;

import io.quarkus.panache.common.Parameters;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

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
    /** The query whose counter names the parameters: this one, or the one a branch of {@link #anyOf} belongs to. */
    private final Where naming;
    private int next;

    public Where() {
        this.naming = this;
    }

    private Where(Where parent) {
        this.naming = parent.naming;
    }

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
     * Holds when any of the alternatives holds ({@code (a) or (b)}): each alternative adds its conditions,
     * joined with {@code and}, to a branch of its own that names its parameters within this query. An
     * alternative that adds no condition holds for every row, and so does the whole: then nothing is added.
     * <pre>{@code
     * where.anyOf(w -> w.contains("code", text), w -> w.contains("name", text));
     * }</pre>
     */
    @SafeVarargs
    public final Where anyOf(Consumer<Where>... alternatives) {
        if (alternatives.length == 0) {
            throw new IllegalArgumentException("anyOf needs at least one alternative");
        }
        List<String> branches = new ArrayList<>();
        Parameters values = new Parameters();
        for (Consumer<Where> alternative : alternatives) {
            Where branch = new Where(this);
            alternative.accept(branch);
            if (branch.isEmpty()) {
                return this;
            }
            branches.add("(" + branch.query() + ")");
            branch.parameterMap().forEach(values::and);
        }
        values.map().forEach(parameters::and);
        conditions.add("(" + String.join(" or ", branches) + ")");
        return this;
    }

    /** A parameter name unique within this query, for {@link #condition(String, Map)}. */
    public String name() {
        return "p" + (naming.next++);
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
