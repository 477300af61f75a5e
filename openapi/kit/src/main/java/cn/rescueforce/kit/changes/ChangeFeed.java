package cn.rescueforce.kit.changes;

import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.ProblemException;
import cn.rescueforce.kit.query.Where;
import cn.rescueforce.kit.security.Caller;
import cn.rescueforce.kit.security.CurrentCaller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads the change feed ({@code GET /api/v1/changes} of every service) within the reader's scope, and keeps it
 * for the retention. Positions are final up to the highest one visible ({@link ChangeRecorder}), so a page is
 * read up to the head taken first: a client resuming from any cursor it was given reads every change it may see
 * exactly once, in commit order.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    @Inject
    CurrentCaller currentCaller;

    @Inject
    EntityManager em;

    @Inject
    ChangeRecorder recorder;

    @Inject
    ChangeFeedConfig config;

    /** {@code GET /api/v1/changes}: the caller's changes after {@code after} (from the oldest kept when null). */
    public ChangePage read(String after, Integer limit) {
        Caller caller = currentCaller.get();
        int size = limit == null ? config.defaultLimit() : limit;
        if (size < 1 || size > config.maxLimit()) {
            throw ProblemException.invalid("limit", Text.of("must be between 1 and {0}", config.maxLimit()));
        }
        Long resume = after == null ? null : Cursor.decode(after, caller.sub()).position();
        return QuarkusTransaction.joiningExisting().call(() -> {
            Horizon horizon = horizon();
            long from = resume == null ? horizon.purgedThrough() : horizon.requireKept(resume, config);
            long head = horizon.head();
            List<ChangeEvent> events = events(caller, from, head, size + 1, null);
            boolean more = events.size() > size;
            List<ChangeEvent> page = more ? events.subList(0, size) : events;
            List<ChangePage.Change> items = new ArrayList<>(page.size());
            for (ChangeEvent event : page) {
                items.add(change(event, caller));
            }
            // nothing more up to the head: resume after the head, past the changes this caller may not see
            long next = more ? page.get(page.size() - 1).position : Math.max(from, head);
            return new ChangePage(items, Cursor.of(next, caller.sub()).encode(), more);
        });
    }

    /** {@code GET /api/v1/changes/cursor}: where the feed stands now, for a client about to read everything. */
    public ChangePage.Head now() {
        Caller caller = currentCaller.get();
        return new ChangePage.Head(Cursor.of(QuarkusTransaction.joiningExisting().call(this::head), caller.sub()).encode());
    }

    /**
     * The changes after {@code from} up to {@code head} that {@code reader} may see, of {@code types} (all when
     * null), at most {@code limit}: what webhooks deliver to a subscription's owner. Within a transaction.
     */
    public List<ChangeEvent> events(Caller reader, long from, long head, int limit, Collection<String> types) {
        Where where = new Where().condition("position > :from and position <= :head", Map.of("from", from, "head", head));
        if (types != null) {
            where.condition("type in :types", Map.of("types", types));
        }
        Audience.restrict(where, reader);
        // read-only: a committed change is never modified, so its entities need no snapshot nor dirty check at the
        // flush of the transaction that read them (the dispatcher's reads hundreds and writes in the same one)
        return ChangeEvent.<ChangeEvent>find(where.query(), Sort.by("position"), where.parameters())
                .withHint(HibernateHints.HINT_READ_ONLY, true).range(0, limit - 1).list();
    }

    /** The highest position committed: every smaller one is final. Within a transaction. */
    public long head() {
        return horizon().head();
    }

    /**
     * Where the feed stands, in one statement: the highest position committed and the last one deleted with the
     * retention (0 while none was).
     */
    record Horizon(long highest, long purgedThrough) {

        /** The highest position committed (or deleted): every smaller one is final. */
        long head() {
            return Math.max(highest, purgedThrough);
        }

        /** {@code from}, unless changes after it were deleted with the retention: 410 {@code cursor-expired}. */
        long requireKept(long from, ChangeFeedConfig config) {
            if (from < purgedThrough) {
                throw new ProblemException(410, "cursor-expired", "Cursor expired",
                        Text.of("Changes after this cursor are older than the feed's retention ({0} days) and were deleted: take a new cursor (GET /api/v1/changes/cursor), read everything again, then follow the feed from that cursor", config.retention().toDays()), null);
            }
            return from;
        }
    }

    private Horizon horizon() {
        Object[] row = (Object[]) em.createNativeQuery("select coalesce((select max(position) from change_event), 0),"
                + " purged_through from change_feed_horizon").getSingleResult();
        return new Horizon(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** One change as {@code reader} sees it (its source's {@link ChangeSource#asSeenBy}), with the cursor after it. */
    public ChangePage.Change change(ChangeEvent event, Caller reader) {
        return new ChangePage.Change(event.id, Cursor.of(event.position, reader.sub()).encode(), event.type, event.entityType,
                event.entityId, event.entityVersion, event.occurredAt.atOffset(ZoneOffset.UTC), event.actorLevel,
                recorder.bodyOf(event, reader));
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        int deleted = purge(Instant.now().minus(config.retention()));
        if (deleted > 0) {
            LOG.infof("change feed: %d changes older than %s deleted", deleted, config.retention());
        }
    }

    /** Deletes the changes that occurred before {@code before}, and remembers the last position deleted. */
    public int purge(Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Number last = (Number) em.createNativeQuery("select max(position) from change_event where occurred_at < :before")
                    .setParameter("before", before).getSingleResult();
            if (last == null) {
                return 0;
            }
            int deleted = em.createNativeQuery("delete from change_event where position <= :last")
                    .setParameter("last", last.longValue()).executeUpdate();
            em.createNativeQuery("update change_feed_horizon set purged_through = greatest(purged_through, :last)")
                    .setParameter("last", last.longValue()).executeUpdate();
            return deleted;
        });
    }
}
