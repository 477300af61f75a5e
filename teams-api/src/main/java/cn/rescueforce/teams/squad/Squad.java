package cn.rescueforce.teams.squad;

import cn.rescueforce.kit.i18n.Text;

import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.teams.api.model.SquadWarningCode;
import cn.rescueforce.teams.api.model.TeamCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A squad of a team: a name, a leader and members, all members of the team, each in one squad at most (the
 * service's check and the unique index squad_member_one_squad, V7). A disbanded squad releases its members and stays
 * on record for the duty periods it stood; it no longer changes.
 */
@Entity
@Table(name = "squad")
public class Squad extends PanacheEntityBase {

    /** A mine rescue squad has at least nine members (the design's rule); fewer is accepted, with a warning. */
    public static final int MINING_MINIMUM = 9;

    @Id
    public UUID id;

    @Column(name = "team_id", nullable = false)
    public UUID teamId;

    @Column(nullable = false)
    public String name;

    @Column(name = "leader_id", nullable = false)
    public UUID leaderId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "squad_member", joinColumns = @JoinColumn(name = "squad_id"))
    @Column(name = "member_id", nullable = false)
    public Set<UUID> memberIds = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "disbanded_at")
    public Instant disbandedAt;

    @Version
    public long version;

    /** What a squad is made of: its name, its leader and its members (the leader is one of them). */
    public record Formation(String name, UUID leaderId, Set<UUID> memberIds) {

        public static Formation of(String name, UUID leaderId, List<UUID> memberIds) {
            Set<UUID> members = new LinkedHashSet<>();
            members.add(leaderId);
            if (memberIds != null) {
                members.addAll(memberIds);
            }
            return new Formation(name.trim(), leaderId, members);
        }
    }

    /** A warning about a squad, as the contract's SquadWarning. */
    public record Warning(SquadWarningCode code, String message) {
    }

    public static Squad form(UUID teamId, Formation formation) {
        Squad squad = new Squad();
        squad.id = UUID.randomUUID();
        squad.teamId = teamId;
        squad.createdAt = Instant.now();
        squad.apply(formation);
        return squad;
    }

    /** The new formation; returns the fields that differ (none: nothing changes). */
    public List<String> change(Formation formation) {
        assertServing();
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(name, formation.name())) changed.add("name");
        if (!Objects.equals(leaderId, formation.leaderId())) changed.add("leaderId");
        if (!memberIds.equals(formation.memberIds())) changed.add("memberIds");
        if (!changed.isEmpty()) {
            apply(formation);
        }
        return changed;
    }

    /** Disbanded: the members are free to join another squad. */
    public void disband(Instant at) {
        assertServing();
        disbandedAt = at;
        updatedAt = at;
        memberIds.clear();
    }

    public boolean isDisbanded() {
        return disbandedAt != null;
    }

    /** 409 once disbanded: a disbanded squad neither changes nor goes on duty. */
    public void assertServing() {
        if (isDisbanded()) {
            throw ProblemException.invalidTransition(Text.of("The squad is disbanded"));
        }
    }

    /** The squad's warnings for a team of {@code category} with {@code activeMembers} active members. */
    public static List<Warning> warnings(TeamCategory category, int activeMembers) {
        if (category == TeamCategory.MINING && activeMembers < MINING_MINIMUM) {
            return List.of(new Warning(SquadWarningCode.SQUAD_BELOW_MINIMUM,
                    activeMembers + " active members; a mine rescue squad has at least " + MINING_MINIMUM));
        }
        return List.of();
    }

    public static ProblemException memberInAnotherSquad(Text detail) {
        return new ProblemException(409, "member-in-another-squad", "Member already in another squad", detail, null);
    }

    public static ProblemException nameTaken(String name) {
        return new ProblemException(409, "squad-name-taken", "Squad name taken", Text.of("The team already has a squad named {0}", name), null);
    }

    private void apply(Formation formation) {
        name = formation.name();
        leaderId = formation.leaderId();
        memberIds.clear();
        memberIds.addAll(formation.memberIds());
        updatedAt = Instant.now();
    }
}
