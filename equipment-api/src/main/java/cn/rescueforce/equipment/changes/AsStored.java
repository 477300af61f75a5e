package cn.rescueforce.equipment.changes;

import io.quarkus.hibernate.orm.panache.Panache;

/**
 * An entity as the database holds it, read again within the transaction (flushed before the feed renders it): a
 * timestamp taken with {@code Instant.now()} has nanoseconds in memory but microseconds in PostgreSQL, and the feed
 * must publish what every later GET answers, not the object as it was built.
 */
public final class AsStored {

    private AsStored() {
    }

    /** {@code entity} (managed) refreshed from the database; null stays null. */
    public static <T> T of(T entity) {
        if (entity != null) {
            Panache.getEntityManager().refresh(entity);
        }
        return entity;
    }
}
