package cn.rescueforce.teams.insurance;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * The policies' encrypted numbers as the personal-data job sees them (PersonalDataProtection): those under a key other
 * than the current one (whose values start with {@code prefix}, {@code v1.<keyId>.}), and the keys in use.
 */
@ApplicationScoped
public class InsurancePolicyRepository implements PanacheRepositoryBase<InsurancePolicy, UUID> {

    private static final String UNDER_FORMER_KEY = "left(policy_number_encrypted, :length) <> :prefix";

    /** Up to {@code limit} policies under a former key, locked until the transaction ends; rows others hold are skipped. */
    @SuppressWarnings("unchecked")
    public List<InsurancePolicy> lockUnderFormerKey(String prefix, int limit) {
        List<UUID> ids = getEntityManager().createNativeQuery("select id from insurance_policy where " + UNDER_FORMER_KEY
                        + " order by id limit :limit for update skip locked", UUID.class)
                .setParameter("length", prefix.length())
                .setParameter("prefix", prefix)
                .setParameter("limit", limit)
                .getResultList();
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    public long countUnderFormerKey(String prefix) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from insurance_policy where " + UNDER_FORMER_KEY)
                .setParameter("length", prefix.length())
                .setParameter("prefix", prefix)
                .getSingleResult()).longValue();
    }

    /** The key ids the policy numbers are encrypted under. */
    @SuppressWarnings("unchecked")
    public List<String> keyIdsInUse() {
        return getEntityManager().createNativeQuery("select distinct split_part(policy_number_encrypted, '.', 2) from insurance_policy",
                String.class).getResultList();
    }
}
