package cn.rescueforce.teams.squad;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.conditional.ETags;
import cn.rescueforce.kit.paging.PageRequest;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.model.MemberStatus;
import cn.rescueforce.teams.api.model.TeamCategory;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.member.MemberRepository;
import cn.rescueforce.teams.team.Team;
import cn.rescueforce.teams.team.TeamService;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The squads of a team. Managed as members are (MemberService): national, the team's province levels and its unit,
 * on a team in scope (else 404) that has not exited (else 409); read by the levels that read the team. Every change
 * is made under the team's lock, so two squads never take the same member nor the same name.
 */
@ApplicationScoped
public class SquadService {

    @Inject
    SquadRepository squads;

    @Inject
    DutyPeriodRepository roster;

    @Inject
    MemberRepository members;

    @Inject
    TeamService teams;

    @Inject
    AuditTrail audit;

    /** A squad with its members (the leader among them) as the API shows it, and the category its warnings follow. */
    public record Composition(Squad squad, List<Member> members, TeamCategory category) {

        public Member leader() {
            return members.stream().filter(m -> m.id.equals(squad.leaderId)).findFirst().orElse(null);
        }

        public int activeMembers() {
            return (int) members.stream().filter(m -> m.status == MemberStatus.ACTIVE).count();
        }

        public List<Squad.Warning> warnings() {
            return squad.isDisbanded() ? List.of() : Squad.warnings(category, activeMembers());
        }
    }

    @Transactional
    public Composition form(UUID teamId, Squad.Formation formation) {
        Team team = teams.editableLocked(teamId, Text.of("form squads"));
        Squad squad = Squad.form(team.id, formation);
        assertMayCompose(team, squad.id, formation);
        squads.persist(squad);
        squads.flush();
        audit.record("Squad", squad.id, "FORMED", team.province, List.of("name", "leaderId", "memberIds"));
        return compose(squad, team);
    }

    public Composition get(UUID teamId, UUID squadId) {
        Team team = teams.get(teamId);
        return compose(squadOf(team, squadId), team);
    }

    public record Page(List<Composition> items, long total) {
    }

    public Page list(UUID teamId, PageRequest page) {
        Team team = teams.get(teamId);
        PanacheQuery<Squad> found = squads.serving(team.id).page(page.panachePage());
        List<Squad> listed = found.list();
        Map<UUID, Member> byId = membersById(listed.stream().flatMap(s -> ids(s).stream()).toList());
        return new Page(listed.stream().map(s -> compose(s, team, byId)).toList(), found.count());
    }

    @Transactional
    public Composition update(UUID teamId, UUID squadId, String ifMatch, Squad.Formation formation) {
        Team team = teams.editableLocked(teamId, Text.of("change squads"));
        Squad squad = squadOf(team, squadId);
        ETags.requireMatch(ifMatch, squad.version);
        squad.assertServing();
        assertMayCompose(team, squad.id, formation);
        List<String> changed = squad.change(formation);
        if (!changed.isEmpty()) {
            squads.flush();
            audit.record("Squad", squad.id, "UPDATED", team.province, changed);
        }
        return compose(squad, team);
    }

    /** Disbanded, once it is off the duty roster from now on (409 squad-on-duty-roster otherwise). */
    @Transactional
    public void disband(UUID teamId, UUID squadId, String ifMatch) {
        Team team = teams.editableLocked(teamId, Text.of("disband squads"));
        Squad squad = squadOf(team, squadId);
        ETags.requireMatch(ifMatch, squad.version);
        squad.assertServing();
        Instant now = Instant.now();
        roster.scheduledUntil(squad.id, now).ifPresent(until -> {
            throw DutyPeriod.squadOnRoster(until);
        });
        squad.disband(now);
        squads.flush();
        audit.record("Squad", squad.id, "DISBANDED", team.province, List.of("disbandedAt", "memberIds"));
    }

    /** A squad of the team (404 for a squad of another team, exactly as a missing one). */
    Squad squadOf(Team team, UUID squadId) {
        Squad squad = squads.findById(squadId);
        if (squad == null || !squad.teamId.equals(team.id)) {
            throw ProblemException.notFound(Text.of("squad"), squadId);
        }
        return squad;
    }

    /** The squad with its members, for the answer, the change feed and the readiness check. */
    Composition compose(Squad squad, Team team) {
        return compose(squad, team, membersById(ids(squad)));
    }

    /**
     * The leader and the members are active members of the team (400 naming the field otherwise), none in another
     * serving squad (409 member-in-another-squad), and the name is free among the team's serving squads (409).
     */
    private void assertMayCompose(Team team, UUID squadId, Squad.Formation formation) {
        if (formation.name().isEmpty()) {
            throw ProblemException.invalid("name", Text.of("must not be blank"));
        }
        Map<UUID, Member> found = membersById(formation.memberIds());
        List<Problem.FieldError> errors = new ArrayList<>();
        for (UUID id : formation.memberIds()) {
            Member member = found.get(id);
            if (member == null || !member.teamId.equals(team.id) || member.status != MemberStatus.ACTIVE) {
                errors.add(new Problem.FieldError(id.equals(formation.leaderId()) ? "leaderId" : "memberIds",
                        Text.of("{0} is not an active member of this team", id)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (squads.nameTaken(team.id, formation.name(), squadId)) {
            throw Squad.nameTaken(formation.name());
        }
        Map<UUID, Squad> elsewhere = squads.squadsOf(formation.memberIds(), squadId);
        if (!elsewhere.isEmpty()) {
            // each member as "name (id) → squad": names and ids only, so the one template reads in either language
            throw Squad.memberInAnotherSquad(Text.of("Members already in another squad of the team: {0}", elsewhere.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> found.get(e.getKey()).name + " (" + e.getKey() + ") → " + e.getValue().name)
                    .collect(Collectors.joining("; "))));
        }
    }

    private Composition compose(Squad squad, Team team, Map<UUID, Member> byId) {
        List<Member> of = ids(squad).stream().map(byId::get).filter(m -> m != null)
                .sorted(Comparator.comparing((Member m) -> m.name).thenComparing(m -> m.id)).toList();
        return new Composition(squad, of, team.category);
    }

    /** The members shown with a squad: its members, and its leader (the only one left once it is disbanded). */
    private static List<UUID> ids(Squad squad) {
        List<UUID> ids = new ArrayList<>(squad.memberIds);
        if (!ids.contains(squad.leaderId)) {
            ids.add(squad.leaderId);
        }
        return ids;
    }

    private Map<UUID, Member> membersById(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of()
                : members.list("id in ?1", ids).stream().collect(Collectors.toMap(m -> m.id, Function.identity()));
    }
}
