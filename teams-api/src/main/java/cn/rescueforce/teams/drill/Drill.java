package cn.rescueforce.teams.drill;

import cn.rescueforce.teams.api.model.DrillType;
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

/** A drill held by a team. */
@Entity
@Table(name = "drill")
public class Drill extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DrillType type;

    @Column(nullable = false)
    public String scenario;

    @Column(nullable = false)
    public int participants;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    public String findings;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;
}
