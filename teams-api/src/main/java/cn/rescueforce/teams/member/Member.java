package cn.rescueforce.teams.member;

import cn.rescueforce.teams.api.model.MemberRole;
import cn.rescueforce.teams.api.model.MemberStatus;
import cn.rescueforce.teams.api.model.TalentType;
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

/** A rescuer of a team. The ID number and phone are personal data: never logged, the ID number shown masked. */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberRole role;

    @Enumerated(EnumType.STRING)
    @Column(name = "talent_type", nullable = false)
    public TalentType talentType;

    @Column(name = "id_number", nullable = false)
    public String idNumber;

    public String phone;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    @Column(name = "training_hours", nullable = false)
    public int trainingHours;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @Override
    public String toString() {
        return "Member[" + id + "]"; // never the personal data
    }
}
