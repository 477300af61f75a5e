package cn.rescueforce.teams.prevention;

import cn.rescueforce.teams.api.model.HazardKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** How many hazards of one kind a preventive inspection found (each kind once per inspection). */
@Entity
@Table(name = "hazard_finding")
public class HazardFinding extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "inspection_id", nullable = false)
    public UUID inspectionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HazardKind kind;

    @Column(nullable = false)
    public int found;

    public static HazardFinding of(HazardKind kind, int found) {
        HazardFinding finding = new HazardFinding();
        finding.id = UUID.randomUUID();
        finding.kind = kind;
        finding.found = found;
        return finding;
    }
}
