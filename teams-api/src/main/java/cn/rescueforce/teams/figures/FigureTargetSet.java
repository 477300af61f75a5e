package cn.rescueforce.teams.figures;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.model.TeamCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The national targets toward the 2026 and 2035 goals: numbers of teams and rescuers per category to reach by a due
 * date. One set for the whole registry (row 1), replaced whole by {@code national}; its version is the ETag.
 */
@Entity
@Table(name = "figure_target_set")
public class FigureTargetSet extends PanacheEntityBase {

    /** The one set; the audit trail and the change feed name it by this id. */
    static final int THE_SET = 1;
    static final UUID ENTITY_ID = UUID.fromString("00000000-0000-0000-0000-00000000f1a7");

    @Id
    public Integer id;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "figure_target", joinColumns = @JoinColumn(name = "set_id"))
    @OrderBy("due, category")
    public List<Target> targets = new ArrayList<>();

    @Version
    public long version;

    /** A number of teams and of rescuers (serving members) of a category, to reach by a date. */
    @Embeddable
    public static class Target {

        @Enumerated(EnumType.STRING)
        @Column(nullable = false)
        public TeamCategory category;

        @Column(nullable = false)
        public LocalDate due;

        @Column(nullable = false)
        public int teams;

        @Column(nullable = false)
        public int rescuers;

        public Target() {
        }

        public Target(TeamCategory category, LocalDate due, int teams, int rescuers) {
            this.category = category;
            this.due = due;
            this.teams = teams;
            this.rescuers = rescuers;
        }
    }

    public static FigureTargetSet current() {
        return findById(THE_SET);
    }

    /** Replaces every target; a category and due date named twice is refused (400 naming {@code targets}). */
    public void replace(List<Target> replacement, String by, Instant at) {
        Set<String> seen = new HashSet<>();
        for (Target target : replacement) {
            if (!seen.add(target.category + "/" + target.due)) {
                throw ProblemException.invalid("targets", Text.of("names category {0} and due date {1} twice: one target per category and due date", target.category, target.due));
            }
        }
        targets.clear();
        targets.addAll(replacement);
        updatedBy = by;
        updatedAt = at;
    }
}
