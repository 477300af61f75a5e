package cn.rescueforce.kit.paging;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import java.util.Map;

/**
 * A validated list request: zero-based page, size at most 200, and a sort on one of the fields a list
 * allows, given as {@code field,asc} or {@code field,desc}.
 */
public record PageRequest(int page, int size, Sort sort) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /**
     * @param sortableFields API field name → entity property, for the fields this list may be sorted by
     * @param defaultSort    the order when the client gives none; ties are always broken by id
     */
    public static PageRequest of(Integer page, Integer size, String sort, Map<String, String> sortableFields, Sort defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw ProblemException.invalid("page", Text.of("must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.invalid("size", Text.of("must be between 1 and {0}", MAX_SIZE));
        }
        return new PageRequest(p, s, parseSort(sort, sortableFields, defaultSort).and("id"));
    }

    public Page panachePage() {
        return Page.of(page, size);
    }

    private static Sort parseSort(String sort, Map<String, String> sortableFields, Sort defaultSort) {
        if (sort == null || sort.isBlank()) {
            // a copy: the tie-break by id is appended to what this returns, never to the caller's (possibly shared) Sort
            Sort copy = Sort.empty();
            defaultSort.getColumns().forEach(c -> copy.and(c.getName(), c.getDirection(), c.getNullPrecedence()));
            return copy;
        }
        String[] parts = sort.split(",");
        String property = sortableFields.get(parts[0].trim());
        if (property == null || parts.length > 2) {
            throw ProblemException.invalid("sort", Text.of("must be one of {0}, optionally followed by ,asc or ,desc", String.join(", ", sortableFields.keySet())));
        }
        String direction = parts.length == 2 ? parts[1].trim().toLowerCase() : "asc";
        return switch (direction) {
            case "asc" -> Sort.by(property, Sort.Direction.Ascending);
            case "desc" -> Sort.by(property, Sort.Direction.Descending);
            default -> throw ProblemException.invalid("sort", Text.of("direction must be asc or desc"));
        };
    }
}
