package cn.rescueforce.assessment.standard;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.assessment.api.model.Grade;
import cn.rescueforce.assessment.api.model.TeamCategory;
import cn.rescueforce.kit.problem.Problem.FieldError;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a national assessment standard for a team category. A version is drafted, edited while a
 * draft, published (then it never changes) and retired; the code and category of a version are fixed.
 */
@Entity
@Table(name = "standard")
public class Standard extends PanacheEntityBase {

    public enum Status { DRAFT, PUBLISHED, RETIRED }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(name = "standard_version", nullable = false)
    public int standardVersion;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<StandardSection> sections = new ArrayList<>();

    @Column(name = "grade1_min", nullable = false)
    public double grade1Min;

    @Column(name = "grade2_min", nullable = false)
    public double grade2Min;

    @Column(name = "grade3_min", nullable = false)
    public double grade3Min;

    @Column(name = "validity_months", nullable = false)
    public int validityMonths;

    @Column(name = "max_total", nullable = false)
    public double maxTotal;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /**
     * A code has one draft at a time: seen by the draft check, or by the constraints standard_code_version_unique and
     * standard_one_draft_per_code when a concurrent draft of the same code came first ({@link StandardUniqueViolations}).
     */
    public static ProblemException draftExists(Text detail) {
        return new ProblemException(409, "standard-draft-exists", "Standard already has a draft", detail, null);
    }

    /** A new draft: version {@code standardVersion} of {@code code}, with content already checked. */
    public static Standard draft(String code, int standardVersion, TeamCategory category, StandardContent content, Instant now) {
        Standard standard = new Standard();
        standard.id = UUID.randomUUID();
        standard.code = code;
        standard.standardVersion = standardVersion;
        standard.category = category;
        standard.status = Status.DRAFT;
        standard.createdAt = now;
        standard.apply(content, now);
        return standard;
    }

    /** Replaces the content of a draft; a published or retired version never changes, code and category never. */
    public void revise(String code, TeamCategory category, StandardContent content, Instant now) {
        if (status != Status.DRAFT) {
            throw new ProblemException(409, "standard-version-fixed", "Standard version never changes",
                    Text.of("Standard {0} version {1} is {2} and never changes; draft the next version instead", this.code, standardVersion, status), null);
        }
        content.assertValid();
        List<FieldError> fixed = new ArrayList<>();
        if (!this.code.equals(code)) {
            fixed.add(new FieldError("code", Text.of("the code of a version is fixed ({0})", this.code)));
        }
        if (this.category != category) {
            fixed.add(new FieldError("category", Text.of("the category of a version is fixed ({0})", this.category)));
        }
        if (!fixed.isEmpty()) {
            throw ProblemException.invalid(fixed);
        }
        apply(content, now);
    }

    /** Only a draft is published. */
    public void assertMayBePublished() {
        if (status != Status.DRAFT) {
            throw ProblemException.invalidTransition(Text.of("Only a DRAFT standard can be published; this one is {0}", status));
        }
    }

    public void publish(Instant now) {
        assertMayBePublished();
        status = Status.PUBLISHED;
        publishedAt = now;
        updatedAt = now;
    }

    /** Retired by hand, or when the next version of its code is published. */
    public void retire(Instant now) {
        if (status != Status.PUBLISHED) {
            throw ProblemException.invalidTransition(Text.of("Only a PUBLISHED standard can be retired; this one is {0}", status));
        }
        status = Status.RETIRED;
        retiredAt = now;
        updatedAt = now;
    }

    /** Assessments are scheduled against a published version for the team's own category. */
    public void assertYardstickFor(TeamCategory teamCategory) {
        if (status != Status.PUBLISHED) {
            throw new ProblemException(409, "standard-not-published", "Standard version is not published",
                    Text.of("Standard {0} version {1} is {2}; assessments are scheduled against a published version", code, standardVersion, status), null);
        }
        if (category != teamCategory) {
            throw ProblemException.invalid("standardId", Text.of("standard {0} is for {1}, the team is {2}", code, category, teamCategory));
        }
    }

    public Optional<StandardSection.Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.code.equals(code)).findFirst();
    }

    public List<StandardSection.Indicator> indicators() {
        return sections.stream().flatMap(s -> s.indicators.stream()).toList();
    }

    /** The indicator filled from equipment-api's compliance report, if the standard has one (at most one). */
    public Optional<StandardSection.Indicator> equipmentIndicator() {
        return indicators().stream().filter(StandardSection.Indicator::fromEquipment).findFirst();
    }

    /** Where an indicator stands in the standard (scores are kept in this order); unknown codes last. */
    public int positionOf(String indicatorCode) {
        List<StandardSection.Indicator> all = indicators();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).code.equals(indicatorCode)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    public String sectionOf(String indicatorCode) {
        return sections.stream().filter(s -> s.indicators.stream().anyMatch(i -> i.code.equals(indicatorCode)))
                .map(s -> s.code).findFirst().orElse(null);
    }

    /** GRADE_1..GRADE_3 by the thresholds on the total; below GRADE_3, or any triggered veto, FAIL. */
    public Grade gradeFor(double total, boolean vetoTriggered) {
        if (vetoTriggered) {
            return Grade.FAIL;
        }
        if (total >= grade1Min) {
            return Grade.GRADE_1;
        }
        if (total >= grade2Min) {
            return Grade.GRADE_2;
        }
        if (total >= grade3Min) {
            return Grade.GRADE_3;
        }
        return Grade.FAIL;
    }

    /** A pass is valid for the standard's months from the day it is finalized; a FAIL grants nothing. */
    public LocalDate validUntil(Grade grade, LocalDate finalizedOn) {
        return grade == Grade.FAIL ? null : finalizedOn.plusMonths(validityMonths);
    }

    private void apply(StandardContent content, Instant now) {
        title = content.title();
        sections = new ArrayList<>(content.sections());
        maxTotal = content.maxTotal();
        grade1Min = content.grade1Min();
        grade2Min = content.grade2Min();
        grade3Min = content.grade3Min();
        validityMonths = content.validityMonths();
        updatedAt = now;
    }
}
