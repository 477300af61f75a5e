package cn.rescueforce.teams.insurance;

import cn.rescueforce.teams.api.model.InjurySeverity;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.member.Member;
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

/**
 * A member injured on duty, in one mission (mobilization order) or one drill of the member's team — exactly one of
 * the two (a check of the table says so too). Health data: personal data in the change feed.
 */
@Entity
@Table(name = "duty_injury")
public class DutyInjury extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String province;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamCategory category;

    @Column(name = "supporting_unit_id", nullable = false)
    public UUID supportingUnitId;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    @Column(name = "mobilization_order_id")
    public UUID mobilizationOrderId;

    @Column(name = "drill_id")
    public UUID drillId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InjurySeverity severity;

    @Column(name = "recognized_work_injury", nullable = false)
    public boolean recognizedAsWorkInjury;

    @Column(name = "days_lost", nullable = false)
    public int daysLost;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** Where the injury happened: a mission or a drill of the member's team (checked by the service). */
    public record OnDuty(UUID mobilizationOrderId, UUID drillId) {
    }

    public static DutyInjury of(Member member, Team team, LocalDate occurredOn, OnDuty duty, InjurySeverity severity,
                                boolean recognized, int daysLost, String description) {
        DutyInjury injury = new DutyInjury();
        injury.id = UUID.randomUUID();
        injury.memberId = member.id;
        injury.teamId = team.id;
        injury.province = team.province;
        injury.category = team.category;
        injury.supportingUnitId = team.supportingUnitId;
        injury.occurredOn = occurredOn;
        injury.mobilizationOrderId = duty.mobilizationOrderId();
        injury.drillId = duty.drillId();
        injury.severity = severity;
        injury.recognizedAsWorkInjury = recognized;
        injury.daysLost = daysLost;
        injury.description = description;
        injury.createdAt = Instant.now();
        return injury;
    }

    @Override
    public String toString() {
        return "DutyInjury[" + id + "]"; // health data stays out of logs
    }
}
