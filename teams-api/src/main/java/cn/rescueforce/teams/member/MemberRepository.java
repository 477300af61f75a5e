package cn.rescueforce.teams.member;

import cn.rescueforce.kit.query.Where;
import cn.rescueforce.teams.api.model.MemberStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    public long countActive(UUID teamId) {
        return count("teamId = ?1 and status = ?2", teamId, MemberStatus.ACTIVE);
    }

    /**
     * Whether a person whose ID number has this keyed hash ({@link Member#idNumberHash}) serves in any team. The status
     * is a literal, as in the predicate of the partial unique index on the hash ({@code status <> 'LEFT'}): with a
     * parameter, a prepared statement's generic plan cannot use that index and scans every member (a bulk import's
     * rows then cost more the more members there are).
     */
    public boolean serving(String idNumberHash) {
        return count("idNumberHash = ?1 and status <> cn.rescueforce.teams.api.model.MemberStatus.LEFT",
                idNumberHash) > 0;
    }

    /**
     * Which values the encryption job still has to protect: held in clear, or encrypted under a key other than the
     * current one (whose stored values start with {@code prefix}, {@code v1.<keyId>.}). SQL, as the clear columns
     * are not the entity's business.
     */
    private static final String UNPROTECTED_ID_NUMBER = "(id_number is not null"
            + " or (id_number_encrypted is not null and left(id_number_encrypted, :length) <> :prefix))";
    private static final String UNPROTECTED_PHONE = "(phone is not null"
            + " or (phone_encrypted is not null and left(phone_encrypted, :length) <> :prefix))";

    /**
     * Up to {@code limit} members with values to protect, locked until the transaction ends; rows another replica
     * holds are skipped, so several replicas share the work without waiting on each other.
     */
    @SuppressWarnings("unchecked")
    public List<Member> lockUnprotected(String prefix, int limit) {
        List<UUID> ids = getEntityManager().createNativeQuery("select id from member where " + UNPROTECTED_ID_NUMBER
                        + " or " + UNPROTECTED_PHONE + " order by id limit :limit for update skip locked", UUID.class)
                .setParameter("length", prefix.length())
                .setParameter("prefix", prefix)
                .setParameter("limit", limit)
                .getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** How many values (ID numbers and phones) are still in clear or under a key other than the current one. */
    public long countUnprotectedValues(String prefix) {
        Object count = getEntityManager().createNativeQuery("select count(*) filter (where " + UNPROTECTED_ID_NUMBER
                        + ") + count(*) filter (where " + UNPROTECTED_PHONE + ") from member")
                .setParameter("length", prefix.length())
                .setParameter("prefix", prefix)
                .getSingleResult();
        return ((Number) count).longValue();
    }

    /** How many values are still in clear, locked by another replica or not. */
    public long countClearValues() {
        Object count = getEntityManager().createNativeQuery(
                "select count(*) filter (where id_number is not null) + count(*) filter (where phone is not null) from member")
                .getSingleResult();
        return ((Number) count).longValue();
    }

    /** The key ids the stored values are encrypted under. */
    @SuppressWarnings("unchecked")
    public List<String> keyIdsInUse() {
        return getEntityManager().createNativeQuery("select split_part(id_number_encrypted, '.', 2) from member"
                + " where id_number_encrypted is not null union select split_part(phone_encrypted, '.', 2) from member"
                + " where phone_encrypted is not null", String.class).getResultList();
    }

    /** The member, locked until the transaction ends, so that concurrent changes to its counters all count. */
    public Member findForUpdate(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public PanacheQuery<Member> search(Where where, Sort sort) {
        return find(where.query(), sort, where.parameters());
    }
}
