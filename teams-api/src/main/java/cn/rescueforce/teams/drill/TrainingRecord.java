package cn.rescueforce.teams.drill;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Hours of training of one member on one day; they add to the member's training hours. */
@Entity
@Table(name = "training_record")
public class TrainingRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "trained_on", nullable = false)
    public LocalDate trainedOn;

    @Column(nullable = false)
    public int hours;

    @Column(nullable = false)
    public String subject;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
