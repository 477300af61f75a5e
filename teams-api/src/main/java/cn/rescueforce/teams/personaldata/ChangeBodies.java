package cn.rescueforce.teams.personaldata;

import cn.rescueforce.kit.personaldata.PersonalDataField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * The change feed's bodies that hold personal data (members' and certificates' changes, {@code personal_data}),
 * encrypted like the members' values ({@code ChangeRecorder} writes them with the field {@code change_event.body}),
 * for the re-encryption job: SQL on the kit's table, as the feed's entity is the kit's business.
 */
@ApplicationScoped
public class ChangeBodies {

    /** The field the kit's ChangeRecorder encrypts a change's body with (it binds the value to its place). */
    static final PersonalDataField BODY = new PersonalDataField("change_event.body");

    private static final String UNDER_FORMER_KEY = "personal_data and left(body, :length) <> :prefix";

    @Inject
    EntityManager em;

    /** One stored body: the change's position and the body as stored. */
    public record Stored(long position, String body) {
    }

    /** Up to {@code limit} bodies under a key other than the current one, locked until the transaction ends (skip locked). */
    @SuppressWarnings("unchecked")
    public List<Stored> lockUnderFormerKey(String prefix, int limit) {
        List<Object[]> rows = em.createNativeQuery("select position, body from change_event where " + UNDER_FORMER_KEY
                        + " order by position limit :limit for update skip locked")
                .setParameter("length", prefix.length())
                .setParameter("prefix", prefix)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new Stored(((Number) row[0]).longValue(), (String) row[1])).toList();
    }

    public void replace(long position, String body) {
        em.createNativeQuery("update change_event set body = :body where position = :position")
                .setParameter("body", body)
                .setParameter("position", position)
                .executeUpdate();
    }

    public long countUnderFormerKey(String prefix) {
        return ((Number) em.createNativeQuery("select count(*) from change_event where " + UNDER_FORMER_KEY)
                .setParameter("length", prefix.length())
                .setParameter("prefix", prefix)
                .getSingleResult()).longValue();
    }

    /** The key ids the bodies are encrypted under. */
    @SuppressWarnings("unchecked")
    public List<String> keyIdsInUse() {
        return em.createNativeQuery("select distinct split_part(body, '.', 2) from change_event where personal_data",
                String.class).getResultList();
    }
}
