package cn.rescueforce.assessment.standard;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One version of a national assessment standard for a team category. A published version never changes. */
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

    @Column(nullable = false)
    public String category;

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

    public Optional<StandardSection.Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.code.equals(code)).findFirst();
    }

    public List<StandardSection.Indicator> indicators() {
        return sections.stream().flatMap(s -> s.indicators.stream()).toList();
    }

    public String sectionOf(String indicatorCode) {
        return sections.stream().filter(s -> s.indicators.stream().anyMatch(i -> i.code.equals(indicatorCode)))
                .map(s -> s.code).findFirst().orElse(null);
    }

    /** GRADE_1..GRADE_3 by the thresholds on the total; below GRADE_3, or any triggered veto, FAIL. */
    public String gradeFor(double total, boolean vetoTriggered) {
        if (vetoTriggered) {
            return "FAIL";
        }
        if (total >= grade1Min) {
            return "GRADE_1";
        }
        if (total >= grade2Min) {
            return "GRADE_2";
        }
        if (total >= grade3Min) {
            return "GRADE_3";
        }
        return "FAIL";
    }
}
