package cn.rescueforce.equipment.configuration;

import cn.rescueforce.equipment.api.model.TeamCategory;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One published version of the equipment a team category must hold, and what a specialty adds on top of it (lines
 * with a specialty). A published version never changes; the
 * highest version of a category is the current one.
 */
@Entity
@Table(name = "standard_configuration")
public class StandardConfiguration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamCategory category;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "standard_configuration_line", joinColumns = @JoinColumn(name = "configuration_id"))
    @OrderColumn(name = "position")
    public List<Line> lines = new ArrayList<>();

    /** The next version of a category's configuration, as {@code by} publishes it. */
    public static StandardConfiguration publish(TeamCategory category, int version, String title, List<Line> lines, String by, Instant at) {
        StandardConfiguration configuration = new StandardConfiguration();
        configuration.id = UUID.randomUUID();
        configuration.category = category;
        configuration.version = version;
        configuration.title = title.trim();
        configuration.publishedAt = at;
        configuration.publishedBy = by;
        configuration.lines.addAll(lines);
        return configuration;
    }

    @Embeddable
    public static class Line {

        @Column(name = "equipment_type_id", nullable = false)
        public UUID equipmentTypeId;

        @Column(name = "minimum_quantity", nullable = false)
        public int minimumQuantity;

        /** The specialty whose teams need this line on top of the category's; null: every team of the category. */
        @Column(name = "specialty")
        public String specialty;

        public Line() {
        }

        public Line(UUID equipmentTypeId, int minimumQuantity) {
            this(equipmentTypeId, minimumQuantity, null);
        }

        public Line(UUID equipmentTypeId, int minimumQuantity, String specialty) {
            this.equipmentTypeId = equipmentTypeId;
            this.minimumQuantity = minimumQuantity;
            this.specialty = specialty;
        }

        /** Whether a team with these specialties must meet the line: the category's lines always, a specialty's if it has it. */
        public boolean appliesTo(java.util.Collection<String> specialties) {
            return specialty == null || specialties.contains(specialty);
        }
    }
}
