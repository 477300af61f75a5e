package cn.rescueforce.teams.squad;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class SquadRepository implements PanacheRepositoryBase<Squad, UUID> {

    /** The team's serving squads (not disbanded), by name. */
    public PanacheQuery<Squad> serving(UUID teamId) {
        return find("teamId = ?1 and disbandedAt is null", Sort.by("name").and("id"), teamId);
    }

    /** Whether another serving squad of the team has this name. */
    public boolean nameTaken(UUID teamId, String name, UUID except) {
        return count("teamId = ?1 and name = ?2 and disbandedAt is null and id <> ?3", teamId, name, except) > 0;
    }

    /** For each of {@code memberIds} in a serving squad other than {@code except}: that squad. */
    public Map<UUID, Squad> squadsOf(Collection<UUID> memberIds, UUID except) {
        if (memberIds.isEmpty()) {
            return Map.of();
        }
        List<Squad> squads = getEntityManager().createQuery("select distinct s from Squad s join s.memberIds m"
                        + " where m in :members and s.id <> :except and s.disbandedAt is null", Squad.class)
                .setParameter("members", memberIds).setParameter("except", except).getResultList();
        return squads.stream().flatMap(s -> s.memberIds.stream().filter(memberIds::contains).map(m -> Map.entry(m, s)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
