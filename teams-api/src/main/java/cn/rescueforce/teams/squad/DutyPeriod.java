package cn.rescueforce.teams.squad;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** One squad of a team on duty from {@code startsAt} (inclusive) to {@code endsAt} (exclusive), on the duty roster. */
@Entity
@Table(name = "duty_period")
public class DutyPeriod extends PanacheEntityBase {

    /** The longest period scheduled at once: a roster is planned a month ahead at most. */
    static final Duration LONGEST = Duration.ofDays(31);

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(name = "squad_id", nullable = false)
    public UUID squadId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Version
    public long version;

    /** A squad of the team on duty for [startsAt, endsAt): 400 naming {@code endsAt} unless it ends after it starts, within 31 days. */
    public static DutyPeriod schedule(Squad squad, Instant startsAt, Instant endsAt) {
        squad.assertServing();
        if (!endsAt.isAfter(startsAt)) {
            throw ProblemException.invalid("endsAt", Text.of("must be after startsAt"));
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("endsAt", Text.of("must be at most {0} days after startsAt", LONGEST.toDays()));
        }
        DutyPeriod period = new DutyPeriod();
        period.id = UUID.randomUUID();
        period.teamId = squad.teamId;
        period.squadId = squad.id;
        period.startsAt = startsAt;
        period.endsAt = endsAt;
        period.createdAt = Instant.now();
        return period;
    }

    /** Whether the two periods share a moment; one ending when the other starts does not. */
    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return startsAt.isBefore(otherEnd) && otherStart.isBefore(endsAt);
    }

    public void cancel(Instant at) {
        cancelledAt = at;
    }

    public static ProblemException overlapping(String squadName, DutyPeriod other) {
        return new ProblemException(409, "duty-period-overlap", "Duty period overlaps another",
                Text.of("{0} is on duty from {1} to {2}", squadName, other.startsAt, other.endsAt), null);
    }

    public static ProblemException squadOnRoster(Instant until) {
        return new ProblemException(409, "squad-on-duty-roster", "Squad still on the duty roster",
                Text.of("The squad is on the duty roster until {0}; cancel its periods first", until), null);
    }
}
