package cn.rescueforce.teams.prevention;

import cn.rescueforce.teams.api.model.OutreachAudience;
import cn.rescueforce.teams.api.model.OutreachKind;
import cn.rescueforce.teams.api.model.TeamCategory;
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

/** A popular-science or training activity of a team for the public or enterprises, with the team's facts. */
@Entity
@Table(name = "outreach_activity")
public class OutreachActivity extends PanacheEntityBase {

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
    public OutreachKind kind;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OutreachAudience audience;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public int participants;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    public static OutreachActivity by(Team team, OutreachKind kind, LocalDate heldOn, OutreachAudience audience, String topic,
                                      int participants) {
        OutreachActivity activity = new OutreachActivity();
        activity.id = UUID.randomUUID();
        activity.teamId = team.id;
        activity.province = team.province;
        activity.category = team.category;
        activity.supportingUnitId = team.supportingUnitId;
        activity.kind = kind;
        activity.heldOn = heldOn;
        activity.audience = audience;
        activity.topic = topic.trim();
        activity.participants = participants;
        activity.createdAt = Instant.now();
        return activity;
    }
}
