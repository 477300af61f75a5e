package cn.rescueforce.equipment.equipment;

import cn.rescueforce.equipment.api.model.EquipmentStatus;
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
import java.util.UUID;

/**
 * An equipment item of a team. The team lives in teams-api; its province, category and supporting unit are
 * kept here as they were at registration so that province-wide lists can apply the caller's scope in SQL.
 */
@Entity
@Table(name = "equipment_item")
public class EquipmentItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "team_province", nullable = false)
    public String teamProvince;

    @Column(name = "team_mining", nullable = false)
    public boolean teamMining;

    @Column(name = "team_unit_id", nullable = false)
    public UUID teamUnitId;

    @Column(name = "equipment_type_id", nullable = false)
    public UUID equipmentTypeId;

    @Column(name = "serial_number", nullable = false)
    public String serialNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EquipmentStatus status;

    @Column(name = "acquired_on", nullable = false)
    public LocalDate acquiredOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "last_inspected_on")
    public LocalDate lastInspectedOn;

    @Column(name = "next_inspection_due")
    public LocalDate nextInspectionDue;

    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean inspectionOverdue(LocalDate today) {
        return status != EquipmentStatus.RETIRED && nextInspectionDue != null && nextInspectionDue.isBefore(today);
    }
}
