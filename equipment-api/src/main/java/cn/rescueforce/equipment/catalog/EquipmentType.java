package cn.rescueforce.equipment.catalog;

import cn.rescueforce.equipment.api.model.EquipmentGroup;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
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
}
