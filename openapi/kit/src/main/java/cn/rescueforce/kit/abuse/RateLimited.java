package cn.rescueforce.kit.abuse;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that answers without a token (its operation has {@code security: []} in the contract):
 * {@link PublicRateLimit} counts its requests per client address and answers a 429 problem
 * ({@code too-many-requests}) above the limit, before the method runs. The contract documents the 429 on every such
 * operation (openapi's ContractRulesTest requires it). Not a JAX-RS name binding: the resources implement interfaces
 * generated from the contracts, and the annotation is on the implementing method, which name binding does not see.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimited {
}
