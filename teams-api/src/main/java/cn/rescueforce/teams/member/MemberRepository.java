package cn.rescueforce.teams.member;

import cn.rescueforce.teams.api.model.MemberStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public long countActive(UUID teamId) {
        return count("teamId = ?1 and status = ?2", teamId, MemberStatus.ACTIVE);
    }

    /** Whether a person with this ID number serves (has not left) in any team. */
    public boolean serving(String idNumber) {
        return count("idNumber = ?1 and status <> ?2", idNumber, MemberStatus.LEFT) > 0;
    }

    public PanacheQuery<Member> search(String where, Sort sort, Parameters params) {
        return find(where, sort, params);
    }
}
