package cn.rescueforce.kit.abuse;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a caller, a client address): {@code burst} requests at once, refilled at
 * {@code perMinute}. Kept as the generic cell rate algorithm: a bucket is a single {@code long}, the time at which it
 * would be full again (its "theoretical arrival time"), changed by compare-and-set, so requests of different keys
 * never wait on each other and those of one key never block. A bucket whose time has passed is full, exactly as if it
 * had never been created: such idle buckets are dropped once {@code maxKeys} keys are tracked, and if every one is
 * still in use, some bucket is dropped anyway (that key starts again with a full bucket), so memory stays bounded by
 * {@code maxKeys} whatever the number of keys.
 * <p>
 * {@link #charge} answers with one {@code long}, so that the check on every request allocates nothing: positive when
 * the request may proceed, negative when it is refused, its magnitude the nanoseconds until the bucket is full again
 * (after this request when it proceeds). {@link #tokensLeft}, {@link #secondsUntilFull} and {@link #retryAfterSeconds}
 * read it.
 */
public final class TokenBuckets {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final long interval;
    private final long tolerance;
    private final int maxKeys;
    private final LongSupplier nanoClock;
    private final Map<String, AtomicLong> buckets = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param perMinute requests per minute a bucket refills (at least 1)
     * @param burst     requests a full bucket allows at once (at least 1)
     * @param maxKeys   keys tracked at most (at least 1)
     * @param nanoClock monotonic time in nanoseconds ({@code System::nanoTime})
     */
    public TokenBuckets(int perMinute, int burst, int maxKeys, LongSupplier nanoClock) {
        if (perMinute < 1 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("rate limit: requests-per-minute, burst and the number of keys tracked must be at least 1");
        }
        this.interval = TimeUnit.MINUTES.toNanos(1) / perMinute;
        this.tolerance = interval * (burst - 1L);
        this.maxKeys = maxKeys;
        this.nanoClock = nanoClock;
    }

    /**
     * Takes one token of the key's bucket.
     *
     * @return 0 when the request may proceed, otherwise the nanoseconds until the bucket has a token again
     */
    public long take(String key) {
        long charge = charge(key);
        return charge > 0 ? 0 : waitNanos(charge);
    }

    /**
     * Takes one token of the key's bucket, if it has one.
     *
     * @return positive when the request may proceed, negative when it is refused (the bucket is left as it was); in
     * both cases its magnitude is the nanoseconds until the bucket is full again. Never 0.
     */
    public long charge(String key) {
        long now = nanoClock.getAsLong();
        AtomicLong bucket = buckets.get(key);
        if (bucket == null) {
            bucket = track(key, now);
        }
        while (true) {
            long full = bucket.get();
            long start = full - now > 0 ? full : now;
            if (start - now > tolerance) {
                return -(start - now);
            }
            if (bucket.compareAndSet(full, start + interval)) {
                return start + interval - now;
            }
        }
    }

    /** Whole tokens the bucket holds after a {@link #charge}: how many more requests it allows right now. */
    public long tokensLeft(long charge) {
        long untilFull = Math.abs(charge);
        return Math.max(0, (tolerance + interval - untilFull) / interval);
    }

    /** Whole seconds, rounded up, until the bucket is full again after a {@link #charge}. */
    public long secondsUntilFull(long charge) {
        return (Math.abs(charge) + SECOND - 1) / SECOND;
    }

    /** Whole seconds, rounded up and at least 1, until a refused request ({@code charge < 0}) would be allowed. */
    public long retryAfterSeconds(long charge) {
        return Math.max(1, (waitNanos(charge) + SECOND - 1) / SECOND);
    }

    /** Nanoseconds until the bucket of a refused request has a token again. */
    private long waitNanos(long charge) {
        return -charge - tolerance;
    }

    /** Keys tracked now. */
    public int tracked() {
        return buckets.size();
    }

    private AtomicLong track(String key, long now) {
        if (buckets.size() >= maxKeys) {
            makeRoom(now);
        }
        return buckets.computeIfAbsent(key, k -> new AtomicLong(now));
    }

    /**
     * Drops the full (idle) buckets, at most one sweep per second (a sweep visits every bucket); when the sweep is not
     * due or freed nothing, drops whichever buckets the map hands out first until there is room.
     */
    private void makeRoom(long now) {
        long due = nextSweep.get();
        if (due == Long.MIN_VALUE || now - due >= 0) {
            if (nextSweep.compareAndSet(due, now + SECOND)) {
                buckets.values().removeIf(bucket -> bucket.get() - now <= 0);
            }
        }
        Iterator<AtomicLong> any = buckets.values().iterator();
        while (buckets.size() >= maxKeys && any.hasNext()) {
            any.next();
            any.remove();
        }
    }
}
