package cn.rescueforce.kit.paging;

import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PageRequestTest {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "createdAt", "createdAt", "province", "unit.province");

    @Test
    void withoutParametersItIsTheFirstPageOfTwentyInTheDefaultOrderThenById() {
        PageRequest request = PageRequest.of(null, null, null, SORTABLE, byName());

        assertEquals(0, request.page());
        assertEquals(20, request.size());
        assertEquals(List.of("name ASC", "id ASC"), columns(request.sort()));
        assertEquals(0, request.panachePage().index);
        assertEquals(20, request.panachePage().size);
    }

    @Test
    void aSharedDefaultOrderIsNeverChanged() {
        Sort shared = byName();
        PageRequest.of(null, null, null, SORTABLE, shared);
        PageRequest second = PageRequest.of(null, null, null, SORTABLE, shared);

        assertEquals(List.of("name ASC"), columns(shared));
        assertEquals(List.of("name ASC", "id ASC"), columns(second.sort()));
    }

    @Test
    void aSortNamesAnApiFieldAndOptionallyADirection() {
        assertEquals(List.of("createdAt DESC", "id ASC"), columns(PageRequest.of(0, 20, "createdAt,desc", SORTABLE, byName()).sort()));
        assertEquals(List.of("createdAt ASC", "id ASC"), columns(PageRequest.of(0, 20, "createdAt", SORTABLE, byName()).sort()));
        assertEquals(List.of("createdAt ASC", "id ASC"), columns(PageRequest.of(0, 20, " createdAt , ASC ", SORTABLE, byName()).sort()));
        assertEquals(List.of("unit.province DESC", "id ASC"), columns(PageRequest.of(0, 20, "province,desc", SORTABLE, byName()).sort()),
                "the API field maps to the entity property");
        assertEquals(List.of("name ASC", "id ASC"), columns(PageRequest.of(0, 20, " ", SORTABLE, byName()).sort()));
    }

    @Test
    void pageAndSizeKeepTheirBounds() {
        assertEquals(200, PageRequest.of(3, 200, null, SORTABLE, byName()).size());
        assertEquals(1, PageRequest.of(3, 1, null, SORTABLE, byName()).size());
        assertInvalid("page", "must be 0 or more", () -> PageRequest.of(-1, 20, null, SORTABLE, byName()));
        assertInvalid("size", "must be between 1 and 200", () -> PageRequest.of(0, 0, null, SORTABLE, byName()));
        assertInvalid("size", "must be between 1 and 200", () -> PageRequest.of(0, 201, null, SORTABLE, byName()));
    }

    @Test
    void aSortOnAnotherFieldOrWithAnotherDirectionIsRefusedNamingTheChoices() {
        ProblemException unknown = assertThrows(ProblemException.class, () -> PageRequest.of(0, 20, "secret,asc", Map.of("name", "name"), byName()));
        assertEquals("sort", unknown.errors().get(0).field());
        assertEquals("must be one of name, optionally followed by ,asc or ,desc", unknown.errors().get(0).message().english());
        assertInvalid("sort", "must be one of name, optionally followed by ,asc or ,desc",
                () -> PageRequest.of(0, 20, "name,asc,desc", Map.of("name", "name"), byName()));
        assertInvalid("sort", "direction must be asc or desc", () -> PageRequest.of(0, 20, "name,up", SORTABLE, byName()));
    }

    /** A new default order for each request: Sort is mutable, and PageRequest adds the id to the one it is given. */
    private static Sort byName() {
        return Sort.by("name");
    }

    private static void assertInvalid(String field, String message, Runnable request) {
        ProblemException problem = assertThrows(ProblemException.class, request::run);
        assertEquals(400, problem.status());
        assertEquals("https://rescue-force.cn/problems/validation", problem.type());
        assertEquals(field, problem.errors().get(0).field());
        assertEquals(message, problem.errors().get(0).message().english());
    }

    private static List<String> columns(Sort sort) {
        return sort.getColumns().stream().map(c -> c.getName() + " " + (c.getDirection() == Sort.Direction.Ascending ? "ASC" : "DESC")).toList();
    }
}
