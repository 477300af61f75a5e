package cn.rescueforce.kit.abuse;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The two token buckets of {@link RateLimits} (the kit's defaults, section "abuse limits"; environment
 * {@code RESCUE_FORCE_RATE_LIMIT_CALLER_*} and {@code RESCUE_FORCE_RATE_LIMIT_PUBLIC_*}).
 */
@ConfigMapping(prefix = "rescue-force.rate-limit")
public interface RateLimitConfig {

    /** One bucket per authenticated caller (its token's issuer and {@code sub}). */
    Caller caller();

    /**
     * One bucket per client address, for every request without an accepted token: the operations that need none
     * ({@code security: []}) and the requests answered 401. Named {@code public} after those operations.
     */
    @WithName("public")
    Address address();

    interface Caller {
        /** Requests a full bucket allows at once. */
        int burst();

        /** Requests per minute the bucket refills. */
        int requestsPerMinute();

        /** Callers tracked at most; idle ones are dropped first. */
        int maxCallers();
    }

    interface Address {
        /** Requests a full bucket allows at once. */
        int burst();

        /** Requests per minute the bucket refills. */
        int requestsPerMinute();

        /** Addresses tracked at most; idle ones are dropped first. */
        int maxAddresses();
    }
}
