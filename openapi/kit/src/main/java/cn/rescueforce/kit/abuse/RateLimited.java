package cn.rescueforce.kit.abuse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that answers without a token (its operation has {@code security: []} in the contract), for
 * its reader: its requests are charged to the bucket of their client address, like every request without an accepted
 * token ({@link RateLimits}, which needs no mark to do so). The contract documents the 429 on every operation
 * (openapi's ContractRulesTest requires it).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {
}
