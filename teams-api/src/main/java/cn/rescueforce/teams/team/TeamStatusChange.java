package cn.rescueforce.teams.team;

import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.LifecycleAction;
import cn.rescueforce.teams.api.model.TeamStatus;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One step of a team's lifecycle, kept for good: who decided what, when and why. */
@Entity
@Table(name = "team_status_change")
public class TeamStatusChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LifecycleAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TeamStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public TeamStatus toStatus;

    @Column(nullable = false)
    public String reason;

    @Column(name = "actor_sub", nullable = false)
    public String actorSub;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_level", nullable = false)
    public ManagementLevel actorLevel;

    @Column(name = "actor_region")
    public String actorRegion;

    @Column(nullable = false)
    public Instant at;

    /** The step {@code action} of {@code team}, now in its new status, decided by {@code by}. */
    static TeamStatusChange step(Team team, LifecycleAction action, TeamStatus from, String reason, Caller by) {
        TeamStatusChange step = new TeamStatusChange();
        step.id = UUID.randomUUID();
        step.teamId = team.id;
        step.action = action;
        step.fromStatus = from;
        step.toStatus = team.status;
        step.reason = reason;
        step.actorSub = by.sub();
        step.actorLevel = by.level();
        step.actorRegion = by.region();
        step.at = Instant.now();
        return step;
    }

    /** Whether the step moved the team to another status (an exit proposal does not). */
    boolean changedStatus() {
        return fromStatus != toStatus;
    }
}
