package cn.rescueforce.teams.agreement;

import cn.rescueforce.kit.audit.AuditTrail;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CurrentCaller;
import cn.rescueforce.kit.security.ManagementLevel;
import cn.rescueforce.teams.api.model.AgreementStatus;
import cn.rescueforce.teams.certificate.CertificateService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Records that agreements reached their end: every {@code rescue-force.agreements.expiry-interval} (default 1 hour),
 * the ACTIVE agreements whose end has passed become EXPIRED, each audited and published as {@code agreement.expired}.
 * Reads do not wait for it (an agreement answers EXPIRED from the day after its end, {@link ServiceAgreement#status});
 * the run makes the transition an event. Batches of {@link #BATCH} rows, each its own transaction holding its rows
 * with {@code skip locked}, so replicas share the work.
 */
@ApplicationScoped
public class AgreementExpiry {

    private static final Logger LOG = Logger.getLogger(AgreementExpiry.class);
    static final int BATCH = 200;
    /** Who the audit trail names for the run: the service itself. */
    static final Caller RUN = new Caller("teams-api/agreement-expiry", ManagementLevel.SERVICE, null, null);

    @Inject
    AuditTrail audit;

    @Inject
    CurrentCaller currentCaller;

    @Scheduled(every = "${rescue-force.agreements.expiry-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        int expired = expireDue(CertificateService.today());
        if (expired > 0) {
            LOG.infof("Service agreements: %d expired", expired);
        }
    }

    /** Expires the ACTIVE agreements that ended before {@code today}; how many. */
    @ActivateRequestContext
    public int expireDue(LocalDate today) {
        currentCaller.actAs(RUN);
        int total = 0;
        while (true) {
            int done = QuarkusTransaction.requiringNew().call(() -> {
                List<ServiceAgreement> due = ServiceAgreement.<ServiceAgreement>find("status = ?1 and endsOn < ?2 order by id",
                                AgreementStatus.ACTIVE, today)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2)
                        .page(0, BATCH).list();
                Instant at = Instant.now();
                for (ServiceAgreement agreement : due) {
                    if (agreement.expire(today, at)) {
                        ServiceAgreement.getEntityManager().flush();
                        audit.record("ServiceAgreement", agreement.id, "EXPIRED", agreement.province, List.of("status"));
                    }
                }
                return due.size();
            });
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }
}
