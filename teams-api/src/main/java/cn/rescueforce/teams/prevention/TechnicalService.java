package cn.rescueforce.teams.prevention;

import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TechnicalServiceKind;
import cn.rescueforce.teams.team.Team;
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

/** A technical service a team gave a client (plan review, standby at a hazardous operation …), with the team's facts. */
@Entity
@Table(name = "technical_service")
public class TechnicalService extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String province;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamCategory category;

    @Column(name = "supporting_unit_id", nullable = false)
    public UUID supportingUnitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TechnicalServiceKind kind;

    @Column(nullable = false)
    public String client;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    @Column(nullable = false)
    public int days;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public static TechnicalService by(Team team, TechnicalServiceKind kind, String client, LocalDate startedOn, int days,
                                      String description) {
        TechnicalService service = new TechnicalService();
        service.id = UUID.randomUUID();
        service.teamId = team.id;
        service.province = team.province;
        service.category = team.category;
        service.supportingUnitId = team.supportingUnitId;
        service.kind = kind;
        service.client = client.trim();
        service.startedOn = startedOn;
        service.days = days;
        service.description = description;
        service.createdAt = Instant.now();
        return service;
    }
}
