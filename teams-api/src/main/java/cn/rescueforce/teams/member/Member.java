package cn.rescueforce.teams.member;

import cn.rescueforce.kit.problem.ProblemException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    /** What may change about a member after joining (the name, ID number and joining date stay). */
    public record Changes(MemberRole role, TalentType talentType, String phone, MemberStatus status, Integer trainingHours) {
    }

    /** A rescuer joining a team, active from {@code joinedOn}. */
    public static Member join(UUID teamId, String name, MemberRole role, TalentType talentType, String idNumber, String phone,
                              LocalDate joinedOn, Integer trainingHours) {
        Member member = new Member();
        member.id = UUID.randomUUID();
        member.teamId = teamId;
        member.name = name.trim();
        member.role = role;
        member.talentType = talentType;
        member.idNumber = idNumber;
        member.phone = phone;
        member.joinedOn = joinedOn;
        member.status = MemberStatus.ACTIVE;
        member.trainingHours = trainingHours == null ? 0 : trainingHours;
        member.createdAt = Instant.now();
        member.updatedAt = member.createdAt;
        return member;
    }

    /** The changes; returns the fields that differ (none: nothing changes). Training hours stay when not given. */
    public List<String> change(Changes changes) {
        List<String> changed = new ArrayList<>();
        if (role != changes.role()) changed.add("role");
        if (talentType != changes.talentType()) changed.add("talentType");
        if (!Objects.equals(phone, changes.phone())) changed.add("phone");
        if (status != changes.status()) changed.add("status");
        int hours = changes.trainingHours() == null ? trainingHours : changes.trainingHours();
        if (trainingHours != hours) changed.add("trainingHours");
        if (!changed.isEmpty()) {
            role = changes.role();
            talentType = changes.talentType();
            phone = changes.phone();
            status = changes.status();
            trainingHours = hours;
            updatedAt = Instant.now();
        }
        return changed;
    }

    /** Whether a change brings back a member who had left (who must not serve in another team by now). */
    public boolean returnsWith(Changes changes) {
        return status == MemberStatus.LEFT && changes.status() != MemberStatus.LEFT;
    }

    /** 409 once the member has left: a record of training is for the team's serving members. */
    public void assertServing() {
        if (status == MemberStatus.LEFT) {
            throw ProblemException.conflict("The member has left the team");
        }
    }

    /** Training on one day adds to the member's training hours. */
    public void addTrainingHours(int hours, Instant at) {
        assertServing();
        trainingHours += hours;
        updatedAt = at;
    }

    @Override
    public String toString() {
        return "Member[" + id + "]"; // never the personal data
    }
}
