package cn.rescueforce.equipment.equipment;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.equipment.api.model.EquipmentStatus;
import cn.rescueforce.equipment.api.model.InspectionKind;
import cn.rescueforce.equipment.api.model.InspectionResult;
import cn.rescueforce.equipment.catalog.EquipmentType;
import cn.rescueforce.equipment.teams.TeamRef;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    /**
     * An item of {@code team} as registered on {@code today}: acquired by today, expiring (by default at the end of
     * the type's service life) and last inspected not before it was acquired, inspected not after today. The next
     * inspection is due one interval of the type after the last one, or after acquisition.
     */
    public static EquipmentItem register(TeamRef team, EquipmentType type, String serialNumber, EquipmentStatus status,
                                         LocalDate acquiredOn, LocalDate expiresOn, LocalDate lastInspectedOn, String note,
                                         LocalDate today, Instant at) {
        if (acquiredOn.isAfter(today)) {
            throw ProblemException.invalid("acquiredOn", Text.of("must not be in the future"));
        }
        if (expiresOn != null && expiresOn.isBefore(acquiredOn)) {
            throw ProblemException.invalid("expiresOn", Text.of("must not be before acquiredOn"));
        }
        if (lastInspectedOn != null && (lastInspectedOn.isBefore(acquiredOn) || lastInspectedOn.isAfter(today))) {
            throw ProblemException.invalid("lastInspectedOn", Text.of("must be between acquiredOn and today"));
        }
        EquipmentItem item = new EquipmentItem();
        item.id = UUID.randomUUID();
        item.teamId = team.id();
        item.teamProvince = team.province();
        item.teamMining = team.mining();
        item.teamUnitId = team.supportingUnitId();
        item.equipmentTypeId = type.id;
        item.serialNumber = serialNumber.trim();
        item.status = status == null ? EquipmentStatus.IN_SERVICE : status;
        item.acquiredOn = acquiredOn;
        item.expiresOn = expiresOn != null ? expiresOn : type.serviceLifeEnds(acquiredOn);
        item.lastInspectedOn = lastInspectedOn;
        item.nextInspectionDue = item.nextInspectionDue(type);
        item.note = note;
        item.createdAt = at;
        item.updatedAt = at;
        return item;
    }

    /** 409 for a retired item: it stays on record and can no longer change. */
    public void requireChangeable() {
        if (status == EquipmentStatus.RETIRED) {
            throw ProblemException.invalidTransition(Text.of("A RETIRED item stays on record and can no longer change"));
        }
    }

    /** Takes the given status, expiry and note; answers the names of the fields that changed. */
    public List<String> revise(EquipmentStatus newStatus, LocalDate newExpiresOn, String newNote, Instant at) {
        if (newExpiresOn != null && newExpiresOn.isBefore(acquiredOn)) {
            throw ProblemException.invalid("expiresOn", Text.of("must not be before acquiredOn ({0})", acquiredOn));
        }
        List<String> changed = new ArrayList<>();
        if (status != newStatus) changed.add("status");
        if (!Objects.equals(expiresOn, newExpiresOn)) changed.add("expiresOn");
        if (!Objects.equals(note, newNote)) changed.add("note");
        if (!changed.isEmpty()) {
            status = newStatus;
            expiresOn = newExpiresOn;
            note = newNote;
            updatedAt = at;
        }
        return changed;
    }

    /**
     * What an inspection or maintenance on {@code performedOn} changes: a passed inspection newer than the last
     * one moves the inspection dates on; any passed record brings an item under maintenance back into service; a
     * failed one takes it out of service for maintenance. Answers the names of the fields that changed.
     */
    public List<String> inspected(InspectionKind kind, InspectionResult result, LocalDate performedOn, EquipmentType type,
                                  LocalDate today, Instant at) {
        if (performedOn.isAfter(today)) {
            throw ProblemException.invalid("performedOn", Text.of("must not be in the future"));
        }
        if (performedOn.isBefore(acquiredOn)) {
            throw ProblemException.invalid("performedOn", Text.of("must not be before the item was acquired ({0})", acquiredOn));
        }
        List<String> changed = new ArrayList<>();
        if (result == InspectionResult.PASSED) {
            if (kind == InspectionKind.INSPECTION && (lastInspectedOn == null || performedOn.isAfter(lastInspectedOn))) {
                lastInspectedOn = performedOn;
                nextInspectionDue = nextInspectionDue(type);
                changed.addAll(List.of("lastInspectedOn", "nextInspectionDue"));
            }
            if (status == EquipmentStatus.UNDER_MAINTENANCE) {
                status = EquipmentStatus.IN_SERVICE;
                changed.add("status");
            }
        } else if (status != EquipmentStatus.UNDER_MAINTENANCE) {
            status = EquipmentStatus.UNDER_MAINTENANCE;
            changed.add("status");
        }
        updatedAt = at;
        return changed;
    }

    public boolean inspectionOverdue(LocalDate today) {
        return status != EquipmentStatus.RETIRED && nextInspectionDue != null && nextInspectionDue.isBefore(today);
    }

    /** Days since the next inspection fell due. */
    public int daysOverdue(LocalDate today) {
        return (int) ChronoUnit.DAYS.between(nextInspectionDue, today);
    }

    /** One inspection interval of the type after the last inspection, or after acquisition when never inspected. */
    private LocalDate nextInspectionDue(EquipmentType type) {
        return type.inspectionDueAfter(lastInspectedOn != null ? lastInspectedOn : acquiredOn);
    }

    /**
     * 409 {@code duplicate-serial-number}: a serial number is registered once per equipment type
     * (equipment_item_serial_unique); null values when unknown.
     */
    public static ProblemException serialTaken(String typeCode, String serialNumber) {
        return new ProblemException(409, "duplicate-serial-number", "Duplicate serial number",
                typeCode == null ? Text.of("An item of this equipment type with this serial number is already registered")
                        : Text.of("A {0} with serial number {1} is already registered", typeCode, serialNumber), null);
    }
}
