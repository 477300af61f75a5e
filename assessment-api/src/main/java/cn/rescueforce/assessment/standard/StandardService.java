package cn.rescueforce.assessment.standard;

import cn.rescueforce.assessment.api.model.IndicatorInput;
import cn.rescueforce.assessment.api.model.SectionInput;
import cn.rescueforce.assessment.api.model.StandardInput;
import cn.rescueforce.assessment.api.model.StandardStatus;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.assessment.security.Scope;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    Scope scope;

    @Inject
    AuditTrail audit;

    @Transactional
    public Standard draft(StandardInput input) {
        scope.requireLevel(List.of(NATIONAL), "draft standards");
        assertValid(input);
        if (standards.draftExists(input.getCode())) {
            throw ProblemException.conflict("Standard " + input.getCode() + " already has a draft version; edit it or publish it first");
        }
        standards.publishedVersionOf(input.getCode()).ifPresent(published -> {
            if (!published.category.equals(input.getCategory().name())) {
                throw ProblemException.invalid("category", "standard " + input.getCode() + " is for " + published.category);
            }
        });
        Standard standard = new Standard();
        standard.id = UUID.randomUUID();
        standard.code = input.getCode();
        standard.standardVersion = standards.latestVersionOf(input.getCode()) + 1;
        standard.category = input.getCategory().name();
        standard.status = Standard.Status.DRAFT;
        standard.createdAt = Instant.now();
        apply(input, standard);
        standards.persist(standard);
        audit.record("Standard", standard.id, "DRAFTED", null, List.of("code", "standardVersion", "title", "category", "sections", "thresholds", "validityMonths"));
        return standard;
    }

    @Transactional
    public Standard update(UUID id, String ifMatch, StandardInput input) {
        scope.requireLevel(List.of(NATIONAL), "edit standards");
        Standard standard = get(id);
        ETags.requireMatch(ifMatch, standard.version);
        if (standard.status != Standard.Status.DRAFT) {
            throw ProblemException.conflict("Standard " + standard.code + " version " + standard.standardVersion + " is "
                    + standard.status + " and never changes; draft the next version instead");
        }
        assertValid(input);
        List<FieldError> fixed = new ArrayList<>();
        if (!standard.code.equals(input.getCode())) {
            fixed.add(new FieldError("code", "the code of a version is fixed (" + standard.code + ")"));
        }
        if (!standard.category.equals(input.getCategory().name())) {
            fixed.add(new FieldError("category", "the category of a version is fixed (" + standard.category + ")"));
        }
        if (!fixed.isEmpty()) {
            throw ProblemException.invalid(fixed);
        }
        apply(input, standard);
        standards.flush();
        audit.record("Standard", standard.id, "UPDATED", null, List.of("title", "sections", "thresholds", "validityMonths"));
        return standard;
    }

    /** Publishing retires the code's previously published version: one yardstick per code at a time. */
    @Transactional
    public Standard publish(UUID id) {
        scope.requireLevel(List.of(NATIONAL), "publish standards");
        Standard standard = get(id);
        if (standard.status != Standard.Status.DRAFT) {
            throw ProblemException.invalidTransition("Only a DRAFT standard can be published; this one is " + standard.status);
        }
        Instant now = Instant.now();
        standards.publishedVersionOf(standard.code).ifPresent(previous -> {
            previous.status = Standard.Status.RETIRED;
            previous.retiredAt = now;
            previous.updatedAt = now;
            standards.flush(); // the partial unique index allows one published version per code
            audit.record("Standard", previous.id, "RETIRED", null, List.of("status"));
        });
        standard.status = Standard.Status.PUBLISHED;
        standard.publishedAt = now;
        standard.updatedAt = now;
        standards.flush();
        audit.record("Standard", standard.id, "PUBLISHED", null, List.of("status"));
        return standard;
    }

    @Transactional
    public Standard retire(UUID id) {
        scope.requireLevel(List.of(NATIONAL), "retire standards");
        Standard standard = get(id);
        if (standard.status != Standard.Status.PUBLISHED) {
            throw ProblemException.invalidTransition("Only a PUBLISHED standard can be retired; this one is " + standard.status);
        }
        standard.status = Standard.Status.RETIRED;
        standard.retiredAt = Instant.now();
        standard.updatedAt = standard.retiredAt;
        standards.flush();
        audit.record("Standard", standard.id, "RETIRED", null, List.of("status"));
        return standard;
    }

    public Standard get(UUID id) {
        scope.caller(); // 401 without a caller
        Standard standard = standards.findById(id);
        if (standard == null) {
            throw ProblemException.notFound("standard", id);
        }
        return standard;
    }

    public PanacheQuery<Standard> list(TeamCategory category, StandardStatus status, String code, PageRequest page) {
        scope.caller();
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (category != null) {
            where.add("category = :category");
            params.and("category", category.name());
        }
        if (status != null) {
            where.add("status = :status");
            params.and("status", Standard.Status.valueOf(status.name()));
        }
        if (code != null && !code.isBlank()) {
            where.add("code = :code");
            params.and("code", code.trim());
        }
        return standards.search(String.join(" and ", where), page.sort(), params).page(page.panachePage());
    }

    private static void assertValid(StandardInput input) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> indicatorCodes = new HashSet<>();
        Set<String> sectionCodes = new HashSet<>();
        double maxTotal = 0;
        int equipmentIndicators = 0;
        for (int s = 0; s < input.getSections().size(); s++) {
            SectionInput section = input.getSections().get(s);
            if (!sectionCodes.add(section.getCode())) {
                errors.add(new FieldError("sections[" + s + "].code", "duplicate section code " + section.getCode()));
            }
            for (int i = 0; i < section.getIndicators().size(); i++) {
                IndicatorInput indicator = section.getIndicators().get(i);
                String field = "sections[" + s + "].indicators[" + i + "]";
                if (!indicatorCodes.add(indicator.getCode())) {
                    errors.add(new FieldError(field + ".code", "duplicate indicator code " + indicator.getCode()));
                }
                maxTotal += indicator.getMaxScore();
                if (indicator.getSource() != null && StandardSection.Indicator.EQUIPMENT_COMPLIANCE.equals(indicator.getSource().name())) {
                    equipmentIndicators++;
                    if (equipmentIndicators > 1) {
                        errors.add(new FieldError(field + ".source", "at most one indicator is filled from the equipment compliance report"));
                    }
                }
            }
        }
        double g1 = input.getThresholds().getGrade1();
        double g2 = input.getThresholds().getGrade2();
        double g3 = input.getThresholds().getGrade3();
        if (!(g1 > g2 && g2 > g3)) {
            errors.add(new FieldError("thresholds", "must fall: grade1 > grade2 > grade3"));
        }
        if (g1 > maxTotal) {
            errors.add(new FieldError("thresholds.grade1", "exceeds the highest possible total " + maxTotal));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void apply(StandardInput input, Standard standard) {
        standard.title = input.getTitle().trim();
        standard.sections = new ArrayList<>();
        double maxTotal = 0;
        for (SectionInput sectionInput : input.getSections()) {
            StandardSection section = new StandardSection();
            section.code = sectionInput.getCode();
            section.title = sectionInput.getTitle();
            for (IndicatorInput indicatorInput : sectionInput.getIndicators()) {
                StandardSection.Indicator indicator = new StandardSection.Indicator();
                indicator.code = indicatorInput.getCode();
                indicator.title = indicatorInput.getTitle();
                indicator.maxScore = indicatorInput.getMaxScore();
                indicator.veto = Boolean.TRUE.equals(indicatorInput.getVeto());
                indicator.evidenceRequired = Boolean.TRUE.equals(indicatorInput.getEvidenceRequired());
                indicator.source = indicatorInput.getSource() == null ? StandardSection.Indicator.MANUAL : indicatorInput.getSource().name();
                indicator.guidance = indicatorInput.getGuidance();
                section.indicators.add(indicator);
                maxTotal += indicator.maxScore;
            }
            standard.sections.add(section);
        }
        standard.maxTotal = maxTotal;
        standard.grade1Min = input.getThresholds().getGrade1();
        standard.grade2Min = input.getThresholds().getGrade2();
        standard.grade3Min = input.getThresholds().getGrade3();
        standard.validityMonths = input.getValidityMonths();
        standard.updatedAt = Instant.now();
    }

    static Sort defaultSort() {
        return Sort.by("code").and("standardVersion", Sort.Direction.Descending);
    }
}
