package cn.rescueforce.teams.personaldata;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.personaldata.PersonalDataCipher;
import cn.rescueforce.kit.personaldata.PersonalDataConfig;
import cn.rescueforce.kit.personaldata.PersonalDataException;
import cn.rescueforce.kit.personaldata.PersonalDataKeys;
import cn.rescueforce.teams.insurance.InsurancePolicy;
import cn.rescueforce.teams.insurance.InsurancePolicyRepository;
import cn.rescueforce.teams.member.Member;
import cn.rescueforce.teams.member.MemberRepository;
import cn.rescueforce.teams.security.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static cn.rescueforce.kit.security.ManagementLevel.NATIONAL;

/**
 * Keeps members' personal data under the current key (their insurance policy numbers too, always encrypted): encrypts the
 * values still in clear (rows written before
 * migration V5) and re-encrypts those under a former key, in batches of {@code rescue-force.personal-data.batch-size}
 * members, each batch its own transaction holding its rows with {@code for update skip locked}, so several replicas
 * share the work and an interrupted run loses at most one batch (done again by the next). It runs at every start,
 * before the service answers, and on demand ({@code POST /api/v1/personal-data/re-encryption}, teams-api.yaml).
 * The change feed's bodies holding personal data ({@link ChangeBodies}) are re-encrypted the same way, after the
 * members: they are never in clear, so only a former key is left behind.
 */
@ApplicationScoped
public class PersonalDataProtection {

    private static final Logger LOG = Logger.getLogger(PersonalDataProtection.class);

    /** One call of the operation handles at most this many batches (10 000 members by default), then answers. */
    static final int BATCHES_PER_CALL = 50;
    /** How long a starting replica waits for the clear rows another replica holds, before it refuses to start. */
    static final Duration WAIT_FOR_OTHER_REPLICAS = Duration.ofMinutes(2);

    @Inject
    PersonalDataCipher cipher;

    @Inject
    PersonalDataConfig config;

    @Inject
    MemberRepository members;

    @Inject
    ChangeBodies changeBodies;

    @Inject
    InsurancePolicyRepository policies;

    @Inject
    Scope scope;

    @Inject
    AuditTrail audit;

    /** What one run did: counts of values (ID numbers, phones), and the key they are now under. */
    public record Outcome(String currentKeyId, long encrypted, long reEncrypted, long remaining) {
    }

    /**
     * At start: refuse values under a key the configuration lacks, then protect everything, and serve only once no
     * clear value is left (the uniqueness of ID numbers is on their hash, which a clear row does not have yet).
     */
    void onStart(@Observes StartupEvent event) {
        requireKnownKeys();
        Instant deadline = Instant.now().plus(WAIT_FOR_OTHER_REPLICAS);
        Outcome outcome = protect(Integer.MAX_VALUE);
        long encrypted = outcome.encrypted();
        long reEncrypted = outcome.reEncrypted();
        while (QuarkusTransaction.requiringNew().call(members::countClearValues) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Personal data: values of members are still in clear after "
                        + WAIT_FOR_OTHER_REPLICAS + " (held by another replica that does not finish); not starting");
            }
            pause();
            Outcome more = protect(Integer.MAX_VALUE);
            encrypted += more.encrypted();
            reEncrypted += more.reEncrypted();
        }
        LOG.infof("Personal data: %d values encrypted, %d re-encrypted under the key %s, %d left under former keys",
                encrypted, reEncrypted, cipher.currentKeyId(), QuarkusTransaction.requiringNew().call(this::remaining));
    }

    /** {@code POST /api/v1/personal-data/re-encryption}: national only, at most {@link #BATCHES_PER_CALL} batches. */
    public Outcome reEncrypt() {
        scope.requireLevel(NATIONAL, Text.of("re-encrypt personal data"));
        Outcome outcome = protect(BATCHES_PER_CALL);
        QuarkusTransaction.requiringNew().run(() -> audit.record("PersonalData", UUID.randomUUID(), "RE_ENCRYPTED", null,
                List.of("member.idNumber", "member.phone", "change.data")));
        LOG.infof("Personal data re-encryption: %d values encrypted, %d re-encrypted under the key %s, %d remaining",
                outcome.encrypted(), outcome.reEncrypted(), outcome.currentKeyId(), outcome.remaining());
        return outcome;
    }

    /** Up to {@code maxBatches} batches, until a batch finds nothing it may take. */
    Outcome protect(int maxBatches) {
        String prefix = cipher.currentKeyPrefix();
        int batchSize = config.batchSize();
        long encrypted = 0;
        long reEncrypted = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            Member.Protection done = QuarkusTransaction.requiringNew().call(() -> {
                List<Member> locked = members.lockUnprotected(prefix, batchSize);
                int e = 0;
                int r = 0;
                for (Member member : locked) {
                    Member.Protection protection = member.protectPersonalData(cipher);
                    e += protection.encrypted();
                    r += protection.reEncrypted();
                }
                return locked.isEmpty() ? null : new Member.Protection(e, r);
            });
            if (done == null) {
                break;
            }
            encrypted += done.encrypted();
            reEncrypted += done.reEncrypted();
        }
        // members' insurance policy numbers, always encrypted: only a former key to leave
        for (int batch = 0; batch < maxBatches; batch++) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<InsurancePolicy> locked = policies.lockUnderFormerKey(prefix, batchSize);
                locked.forEach(policy -> policy.protectPersonalData(cipher));
                return locked.size();
            });
            if (done == 0) {
                break;
            }
            reEncrypted += done;
        }
        // the change feed's bodies with personal data (members, certificates), always encrypted: only a former key to leave
        for (int batch = 0; batch < maxBatches; batch++) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<ChangeBodies.Stored> locked = changeBodies.lockUnderFormerKey(prefix, batchSize);
                for (ChangeBodies.Stored stored : locked) {
                    changeBodies.replace(stored.position(),
                            cipher.encrypt(ChangeBodies.BODY, cipher.decrypt(ChangeBodies.BODY, stored.body())));
                }
                return locked.size();
            });
            if (done == 0) {
                break;
            }
            reEncrypted += done;
        }
        return new Outcome(cipher.currentKeyId(), encrypted, reEncrypted, QuarkusTransaction.requiringNew().call(this::remaining));
    }

    private long remaining() {
        return members.countUnprotectedValues(cipher.currentKeyPrefix())
                + policies.countUnderFormerKey(cipher.currentKeyPrefix())
                + changeBodies.countUnderFormerKey(cipher.currentKeyPrefix());
    }

    /** A value under a key the configuration lacks could never be read: a clear error at start, not at the first read. */
    private void requireKnownKeys() {
        List<String> unknown = QuarkusTransaction.requiringNew().call(() -> Stream.of(members.keyIdsInUse(),
                        policies.keyIdsInUse(), changeBodies.keyIdsInUse()).flatMap(List::stream).distinct()
                .filter(keyId -> !cipher.knows(keyId)).toList());
        if (!unknown.isEmpty()) {
            throw new PersonalDataException("Personal data: members' values or the change feed's bodies are encrypted under the key ids " + unknown
                    + ", which " + PersonalDataKeys.KEYS_VARIABLE + " does not hold; add them back (k8s/README.md, \"Personal data keys\")");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another replica's personal-data batch", e);
        }
    }
}
