package cn.rescueforce.teams.squad;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The duty roster of a team: which squad is on duty when. One squad at a time: a team's periods never overlap,
 * checked under the team's lock. Managed and read by the levels that manage and read squads (SquadService).
 */
@ApplicationScoped
public class DutyRosterService {

    @Inject
    DutyPeriodRepository roster;

    @Inject
    SquadRepository squads;

    @Inject
    SquadService squadService;

    @Inject
    TeamService teams;

    @Inject
    AuditTrail audit;

    /** A period of the roster with its squad's name. */
    public record Entry(DutyPeriod period, String squadName) {
    }

    /** Who is on duty at a time: the period and its squad, or nobody. */
    public record OnDuty(UUID teamId, Instant at, Entry entry, SquadService.Composition squad) {
    }

    @Transactional
    public Entry schedule(UUID teamId, UUID squadId, Instant startsAt, Instant endsAt) {
        Team team = teams.editableLocked(teamId, Text.of("schedule duty"));
        Squad squad = squadService.squadOf(team, squadId);
        DutyPeriod period = DutyPeriod.schedule(squad, startsAt, endsAt);
        roster.overlapping(team.id, startsAt, endsAt).ifPresent(other -> {
            throw DutyPeriod.overlapping(squadName(other.squadId), other);
        });
        roster.persist(period);
        roster.flush();
        audit.record("DutyPeriod", period.id, "SCHEDULED", team.province, List.of("squadId", "startsAt", "endsAt"));
        return new Entry(period, squad.name);
    }

    public record Page(List<Entry> items, long total) {
    }

    public Page list(UUID teamId, Instant from, Instant to, PageRequest page) {
        Team team = teams.get(teamId);
        PanacheQuery<DutyPeriod> found = roster.roster(team.id, from, to).page(page.panachePage());
        List<DutyPeriod> periods = found.list();
        Map<UUID, String> names = squadNames(periods.stream().map(p -> p.squadId).distinct().toList());
        return new Page(periods.stream().map(p -> new Entry(p, names.get(p.squadId))).toList(), found.count());
    }

    /** A period of the team's roster, a cancelled one too (404 for a period of another team). */
    public Entry get(UUID teamId, UUID periodId) {
        return entry(periodOf(teams.get(teamId), periodId));
    }

    @Transactional
    public void cancel(UUID teamId, UUID periodId, String ifMatch) {
        Team team = teams.editableLocked(teamId, Text.of("cancel duty"));
        DutyPeriod period = periodOf(team, periodId);
        if (period.cancelledAt != null) {
            throw ProblemException.notFound(Text.of("duty period"), periodId); // off the roster already: nothing left to cancel
        }
        ETags.requireMatch(ifMatch, period.version);
        period.cancel(Instant.now());
        roster.flush();
        audit.record("DutyPeriod", period.id, "CANCELLED", team.province, List.of("cancelledAt"));
    }

    /** The squad on duty at {@code at} (now when null), with its members. */
    public OnDuty onDuty(UUID teamId, Instant at) {
        Team team = teams.get(teamId);
        return onDuty(team, at == null ? Instant.now() : at);
    }

    /** As {@link #onDuty(UUID, Instant)} for a team the caller has already read (the readiness check). */
    public OnDuty onDuty(Team team, Instant at) {
        Optional<DutyPeriod> period = roster.onDuty(team.id, at);
        if (period.isEmpty()) {
            return new OnDuty(team.id, at, null, null);
        }
        SquadService.Composition squad = squadService.compose(squads.findById(period.get().squadId), team);
        return new OnDuty(team.id, at, new Entry(period.get(), squad.squad().name), squad);
    }

    private DutyPeriod periodOf(Team team, UUID periodId) {
        DutyPeriod period = roster.findById(periodId);
        if (period == null || !period.teamId.equals(team.id)) {
            throw ProblemException.notFound(Text.of("duty period"), periodId);
        }
        return period;
    }

    /** The period with its squad's name (the change feed). */
    Entry entry(DutyPeriod period) {
        return new Entry(period, squadName(period.squadId));
    }

    private String squadName(UUID squadId) {
        return squadNames(List.of(squadId)).get(squadId);
    }

    private Map<UUID, String> squadNames(List<UUID> ids) {
        return ids.isEmpty() ? Map.of() : squads.list("id in ?1", ids).stream()
                .collect(java.util.stream.Collectors.toMap(s -> s.id, s -> s.name));
    }
}
