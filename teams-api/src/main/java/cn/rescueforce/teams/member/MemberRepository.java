package cn.rescueforce.teams.member;

import cn.rescueforce.kit.query.Where;
import cn.rescueforce.teams.api.model.MemberStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

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

    /** The member, locked until the transaction ends, so that concurrent changes to its counters all count. */
    public Member findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public PanacheQuery<Member> search(Where where, Sort sort) {
        return find(where.query(), sort, where.parameters());
    }
}
