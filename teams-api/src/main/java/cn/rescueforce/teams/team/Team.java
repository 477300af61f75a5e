package cn.rescueforce.teams.team;

import cn.rescueforce.teams.api.model.Grade;
import cn.rescueforce.teams.api.model.Readiness;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.api.model.TeamStatus;
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
 * A national safety-production emergency rescue team. Its grade and validity are written only by assessment
 * results; its headcount follows its active members.
 */
@Entity
@Table(name = "team")
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamCategory category;

    @Column(nullable = false)
    public String[] specialties;

    @Column(nullable = false)
    public String province;

    @Column(name = "supporting_unit_id", nullable = false)
    public UUID supportingUnitId;

    @Column(name = "base_lat", nullable = false)
    public double baseLat;

    @Column(name = "base_lon", nullable = false)
    public double baseLon;

    @Column(name = "base_address")
    public String baseAddress;

    @Column(name = "base_city")
    public String baseCity;

    @Column(name = "duty_phone", nullable = false)
    public String dutyPhone;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TeamStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Readiness readiness;

    @Enumerated(EnumType.STRING)
    public Grade grade;

    @Column(name = "grade_valid_until")
    public LocalDate gradeValidUntil;

    @Column(name = "exit_proposed", nullable = false)
    public boolean exitProposed;

    @Column(nullable = false)
    public int headcount;

    /** Failed assessments in a row; the second marks the team for exit review. */
    @Column(name = "consecutive_fails", nullable = false)
    public int consecutiveFails;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
