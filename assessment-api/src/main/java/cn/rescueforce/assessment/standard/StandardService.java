package cn.rescueforce.assessment.standard;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.api.model.StandardInput;
import cn.rescueforce.assessment.api.model.StandardStatus;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;

/** Standards are drafted, published and retired by the national level only; every level may read them. */
@ApplicationScoped
public class StandardService {

    static final Map<String, String> SORTABLE = Map.of("code", "code", "category", "category",
            "standardVersion", "standardVersion", "createdAt", "createdAt");

    @Inject
    StandardRepository standards;

    @Inject
    StandardMapper mapper;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    /** The next version of a code starts as a draft; a code has one draft at a time and keeps its category. */
    @Transactional
    public Standard draft(StandardInput input) {
        scope.requireLevel(List.of(NATIONAL), Text.of("draft standards"));
        StandardContent content = mapper.toContent(input);
        content.assertValid();
        if (standards.draftExists(input.getCode())) {
            throw Standard.draftExists(Text.of("Standard {0} already has a draft version; edit it or publish it first", input.getCode()));
        }
        standards.publishedVersionOf(input.getCode()).ifPresent(published -> {
            if (published.category != input.getCategory()) {
                throw ProblemException.invalid("category", Text.of("standard {0} is for {1}", input.getCode(), published.category));
            }
        });
        Standard standard = Standard.draft(input.getCode(), standards.latestVersionOf(input.getCode()) + 1, input.getCategory(),
                content, Instant.now());
        standards.persist(standard);
        audit.record("Standard", standard.id, "DRAFTED", null, List.of("code", "standardVersion", "title", "category", "sections", "thresholds", "validityMonths"));
        return standard;
    }

    @Transactional
    public Standard update(UUID id, String ifMatch, StandardInput input) {
        scope.requireLevel(List.of(NATIONAL), Text.of("edit standards"));
        Standard standard = get(id);
        ETags.requireMatch(ifMatch, standard.version);
        standard.revise(input.getCode(), input.getCategory(), mapper.toContent(input), Instant.now());
        standards.flush();
        audit.record("Standard", standard.id, "UPDATED", null, List.of("title", "sections", "thresholds", "validityMonths"));
        return standard;
    }

    /** Publishing retires the code's previously published version: one yardstick per code at a time. */
    @Transactional
    public Standard publish(UUID id) {
        scope.requireLevel(List.of(NATIONAL), Text.of("publish standards"));
        Standard standard = get(id);
        // asked before the previous version is retired: that retirement is written first (below)
        standard.assertMayBePublished();
        Instant now = Instant.now();
        standards.publishedVersionOf(standard.code).ifPresent(previous -> {
            previous.retire(now);
            standards.flush(); // the partial unique index allows one published version per code
            audit.record("Standard", previous.id, "RETIRED", null, List.of("status"));
        });
        standard.publish(now);
        standards.flush();
        audit.record("Standard", standard.id, "PUBLISHED", null, List.of("status"));
        return standard;
    }

    @Transactional
    public Standard retire(UUID id) {
        scope.requireLevel(List.of(NATIONAL), Text.of("retire standards"));
        Standard standard = get(id);
        standard.retire(Instant.now());
        standards.flush();
        audit.record("Standard", standard.id, "RETIRED", null, List.of("status"));
        return standard;
    }

    public Standard get(UUID id) {
        scope.caller(); // 401 without a caller
        Standard standard = standards.findById(id);
        if (standard == null) {
            throw ProblemException.notFound(Text.of("standard"), id);
        }
        return standard;
    }

    public PanacheQuery<Standard> list(TeamCategory category, StandardStatus status, String code, PageRequest page) {
        scope.caller();
        Where where = new Where()
                .equal("category", category)
                .equal("status", status == null ? null : Standard.Status.valueOf(status.name()))
                .equal("code", code == null || code.isBlank() ? null : code.trim());
        return standards.search(where, page.sort()).page(page.panachePage());
    }

    static Sort defaultSort() {
        return Sort.by("code").and("standardVersion", Sort.Direction.Descending);
    }
}
