package cn.rescueforce.equipment.catalog;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.api.model.EquipmentGroup;
import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A type of the national equipment catalog; its inspection interval drives every item's next inspection. */
@Entity
@Table(name = "equipment_type")
public class EquipmentType extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "equipment_group", nullable = false)
    public EquipmentGroup group;

    @Column(nullable = false)
    public String unit;

    @Column(name = "inspection_interval_days")
    public Integer inspectionIntervalDays;

    @Column(name = "service_life_months")
    public Integer serviceLifeMonths;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A new type of the catalog; its code never changes. */
    public static EquipmentType create(String code, String name, EquipmentGroup group, String unit,
                                       Integer inspectionIntervalDays, Integer serviceLifeMonths, String description, Instant at) {
        EquipmentType type = new EquipmentType();
        type.id = UUID.randomUUID();
        type.code = code;
        type.createdAt = at;
        type.revise(name, group, unit, inspectionIntervalDays, serviceLifeMonths, description, at);
        return type;
    }

    /** Takes the given description of the type; answers the names of the fields that changed (none: nothing changes). */
    public List<String> revise(String name, EquipmentGroup group, String unit, Integer inspectionIntervalDays,
                               Integer serviceLifeMonths, String description, Instant at) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(this.name, name.trim())) changed.add("name");
        if (this.group != group) changed.add("group");
        if (!Objects.equals(this.unit, unit)) changed.add("unit");
        if (!Objects.equals(this.inspectionIntervalDays, inspectionIntervalDays)) changed.add("inspectionIntervalDays");
        if (!Objects.equals(this.serviceLifeMonths, serviceLifeMonths)) changed.add("serviceLifeMonths");
        if (!Objects.equals(this.description, description)) changed.add("description");
        if (!changed.isEmpty()) {
            this.name = name.trim();
            this.group = group;
            this.unit = unit;
            this.inspectionIntervalDays = inspectionIntervalDays;
            this.serviceLifeMonths = serviceLifeMonths;
            this.description = description;
            this.updatedAt = at;
        }
        return changed;
    }

    /** One inspection interval after {@code from}; {@code null} for types that are not inspected periodically. */
    public LocalDate inspectionDueAfter(LocalDate from) {
        return inspectionIntervalDays == null ? null : from.plusDays(inspectionIntervalDays);
    }

    /** The end of the service life of an item acquired on {@code acquiredOn}; {@code null} when the type has none. */
    public LocalDate serviceLifeEnds(LocalDate acquiredOn) {
        return serviceLifeMonths == null ? null : acquiredOn.plusMonths(serviceLifeMonths);
    }

    /** 409 {@code equipment-type-code-taken}: codes are unique in the catalog (equipment_type_code_unique); null when unknown. */
    public static ProblemException codeTaken(String code) {
        return new ProblemException(409, "equipment-type-code-taken", "Equipment type code taken",
                code == null ? Text.of("An equipment type with this code already exists") : Text.of("An equipment type with code {0} already exists", code), null);
    }
}
