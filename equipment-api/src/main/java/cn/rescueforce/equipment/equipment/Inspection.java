package cn.rescueforce.equipment.equipment;

import cn.rescueforce.equipment.api.model.InspectionKind;
import cn.rescueforce.equipment.api.model.InspectionResult;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An inspection or maintenance of an equipment item, kept for good. */
@Entity
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionKind kind;

    @Column(name = "performed_on", nullable = false)
    public LocalDate performedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionResult result;

    public String inspector;

    public String notes;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static Inspection of(UUID itemId, InspectionKind kind, LocalDate performedOn, InspectionResult result, String inspector,
                                String notes, String recordedBy, Instant at) {
        Inspection inspection = new Inspection();
        inspection.id = UUID.randomUUID();
        inspection.itemId = itemId;
        inspection.kind = kind;
        inspection.performedOn = performedOn;
        inspection.result = result;
        inspection.inspector = inspector;
        inspection.notes = notes;
        inspection.recordedBy = recordedBy;
        inspection.recordedAt = at;
        return inspection;
    }
}
