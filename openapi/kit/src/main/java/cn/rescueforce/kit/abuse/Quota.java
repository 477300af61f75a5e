package cn.rescueforce.kit.abuse;

import java.util.function.LongSupplier;

/**
 * One of the two buckets a request to {@code /api/**} is charged to, and how the answer describes it, in the fields of
 * the IETF draft "RateLimit header fields for HTTP" (draft-ietf-httpapi-ratelimit-headers, structured fields):
 * {@code RateLimit-Policy: "caller";q=3000;w=60} (the requests per minute the bucket refills, over a window of 60 s)
 * and {@code RateLimit: "caller";r=599;t=1} (the whole requests the bucket still allows right now, and the whole
 * seconds until it is full again).
 */
final class Quota {

    static final String CALLER = "caller";
    static final String ADDRESS = "address";

    private final String name;
    private final TokenBuckets buckets;
    private final String policy;
    private final String prefix;

    Quota(String name, int perMinute, int burst, int maxKeys, LongSupplier nanoClock) {
        this.name = name;
        this.buckets = new TokenBuckets(perMinute, burst, maxKeys, nanoClock);
        this.policy = "\"" + name + "\";q=" + perMinute + ";w=60";
        this.prefix = "\"" + name + "\";r=";
    }

    String name() {
        return name;
    }

    /** See {@link TokenBuckets#charge}. */
    long charge(String key) {
        return buckets.charge(key);
    }

    /** The value of {@code RateLimit-Policy}, the same on every answer charged to this bucket. */
    String policy() {
        return policy;
    }

    /** The value of {@code RateLimit} after a {@link #charge}. */
    String remaining(long charge) {
        return prefix + buckets.tokensLeft(charge) + ";t=" + buckets.secondsUntilFull(charge);
    }

    /** The value of {@code Retry-After} of a refused request. */
    long retryAfterSeconds(long charge) {
        return buckets.retryAfterSeconds(charge);
    }
}
