package cn.rescueforce.teams.team;

import cn.rescueforce.kit.query.Where;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class TeamRepository implements PanacheRepositoryBase<Team, UUID> {

    /** A team with its supporting unit's name, in one query (the hottest read of the registry). */
    public record WithUnitName(Team team, String unitName) {
    }

    public WithUnitName findWithUnitName(UUID id) {
        return getEntityManager().createQuery(
                        "select t, u.name from Team t left join SupportingUnit u on u.id = t.supportingUnitId where t.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .map(row -> new WithUnitName((Team) row[0], (String) row[1]))
                .orElse(null);
    }

    public boolean codeTaken(String code) {
        return count("code", code) > 0;
    }

    /** The team, locked until the transaction ends, for changes derived from other rows (headcount). */
    public Team findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public PanacheQuery<Team> search(Where where, Sort sort) {
        return find(where.query(), sort, where.parameters());
    }

    /** The names of the teams of {@code ids} that exist, by id. */
    public Map<UUID, String> names(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of()
                : list("id in ?1", ids).stream().collect(Collectors.toMap(t -> t.id, t -> t.name));
    }

    public PanacheQuery<TeamStatusChange> history(UUID teamId) {
        return TeamStatusChange.find("teamId", Sort.by("at", Sort.Direction.Descending).and("id"), teamId);
    }
}
