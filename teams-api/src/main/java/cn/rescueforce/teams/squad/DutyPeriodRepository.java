package cn.rescueforce.teams.squad;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DutyPeriodRepository implements PanacheRepositoryBase<DutyPeriod, UUID> {

    /** The team's periods on the roster (not cancelled) overlapping [from, to), either end open when null; earliest first. */
    public PanacheQuery<DutyPeriod> roster(UUID teamId, Instant from, Instant to) {
        Where where = new Where().equal("teamId", teamId).condition(true, "cancelledAt is null");
        if (from != null) {
            where.condition("endsAt > :rosterFrom", java.util.Map.of("rosterFrom", from));
        }
        if (to != null) {
            where.condition("startsAt < :rosterTo", java.util.Map.of("rosterTo", to));
        }
        return find(where.query(), Sort.by("startsAt").and("id"), where.parameters());
    }

    /** A period of the team on the roster that shares a moment with [startsAt, endsAt), if any. */
    public Optional<DutyPeriod> overlapping(UUID teamId, Instant startsAt, Instant endsAt) {
        return find("teamId = ?1 and cancelledAt is null and startsAt < ?3 and endsAt > ?2", Sort.by("startsAt"),
                teamId, startsAt, endsAt).firstResultOptional();
    }

    /** The period on duty at {@code at}: it started at or before it and ends after it. */
    public Optional<DutyPeriod> onDuty(UUID teamId, Instant at) {
        return find("teamId = ?1 and cancelledAt is null and startsAt <= ?2 and endsAt > ?2", teamId, at).firstResultOptional();
    }

    /** The latest end of the squad's periods that have not ended by {@code now}, if any. */
    public Optional<Instant> scheduledUntil(UUID squadId, Instant now) {
        return Optional.ofNullable(getEntityManager().createQuery("select max(p.endsAt) from DutyPeriod p"
                        + " where p.squadId = :squad and p.cancelledAt is null and p.endsAt > :now", Instant.class)
                .setParameter("squad", squadId).setParameter("now", now).getSingleResult());
    }
}
