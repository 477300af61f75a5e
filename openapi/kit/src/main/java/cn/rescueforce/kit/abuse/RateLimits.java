package cn.rescueforce.kit.abuse;

import cn.rescueforce.kit.i18n.Language;
import cn.rescueforce.kit.i18n.Text;
import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemTitles;
import cn.rescueforce.kit.security.LevelClaimsCheck;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The rate limit of every request to {@code /api/**}: it is charged to one token bucket ({@link TokenBuckets}), that of
 * its caller when it carries a token the service accepts (the token's issuer and {@code sub}; by default a burst of
 * 600, refilled at 3000 a minute), otherwise that of its client address (the operations that need no token, and the
 * requests without an accepted token, which end in 401; by default a burst of 60, refilled at 300 a minute). Sizes:
 * {@link RateLimitConfig}, the kit's defaults, section "abuse limits".
 * <p>
 * Above the limit the request is answered with a 429 problem ({@code too-many-requests}) and a {@code Retry-After} of
 * the whole seconds until the bucket has a token again; nothing else runs, so a refusal costs no database query and no
 * worker thread. Every answer to {@code /api/**}, refusals, 401s and 5xx included, says which bucket it was charged to
 * and how full it is: {@code RateLimit-Policy} and {@code RateLimit} ({@link Quota}). Other paths ({@code /q/*}) are
 * neither charged nor described.
 * <p>
 * This is a Vert.x filter, not a Quarkus REST one: it runs on the event loop for every request, before Quarkus REST,
 * once the authentication handler has put the request's deferred identity in the routing context (filter priority
 * 200; authentication is lazy, {@code quarkus.http.auth.proactive=false}). A request with an {@code Authorization}
 * header has its identity resolved here rather than by Quarkus REST a moment later; the outcome is remembered for the
 * request, so the token is verified once ({@code VerifiedTokenCache} makes a known token a map look-up). A failed
 * verification is left for Quarkus REST to answer as it always does (401 problem): the failure handler Quarkus REST
 * installs for lazy authentication is removed first, as Quarkus REST itself removes it before it resolves the identity.
 * The headers are written by a headers-end handler, so they reach every answer, whoever writes it.
 * <p>
 * The address is the connection's remote address as Vert.x gives it. Behind a proxy or an ingress that is the
 * proxy's, unless Quarkus is told to take the client's from the forwarding headers
 * ({@code quarkus.http.proxy.proxy-address-forwarding} with {@code allow-x-forwarded} or {@code allow-forwarded},
 * and {@code trusted-proxies}); this class never reads those headers itself. An IPv6 client is counted by its /64
 * network: one subscriber usually holds a whole /64 and could otherwise change address at every request.
 */
@ApplicationScoped
public class RateLimits {

    static final String TYPE = Problem.TYPE_BASE + "too-many-requests";
    static final String RATE_LIMIT = "RateLimit";
    static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    /**
     * After authentication (SecurityHandlerPriorities.AUTHENTICATION, 200), which puts the deferred identity in the
     * routing context, and Quarkus REST's failure handler for lazy authentication (199); before authorization (100)
     * and every route (the body size limit, Quarkus REST).
     */
    static final int PRIORITY = 190;
    private static final String API = "/api/";
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final Quota callers;
    private final Quota addresses;
    private final ObjectMapper json;

    RateLimits(RateLimitConfig config, ObjectMapper json) {
        this.callers = new Quota(Quota.CALLER, config.caller().requestsPerMinute(), config.caller().burst(),
                config.caller().maxCallers(), System::nanoTime);
        this.addresses = new Quota(Quota.ADDRESS, config.address().requestsPerMinute(), config.address().burst(),
                config.address().maxAddresses(), System::nanoTime);
        this.json = json;
    }

    void install(@Observes Filters filters) {
        filters.register(this::limit, PRIORITY);
    }

    void limit(RoutingContext context) {
        if (!context.normalizedPath().startsWith(API)) {
            context.next();
            return;
        }
        Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
        if (identity == null || context.request().getHeader(HttpHeaders.AUTHORIZATION) == null) {
            charge(context, addresses, addressKey(context.request().remoteAddress()));
            return;
        }
        context.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        identity.subscribe().with(
                accepted -> chargeResolved(context, accepted.isAnonymous() ? null : accepted.getAttribute(LevelClaimsCheck.CALLER_KEY_ATTRIBUTE)),
                // a token that is not accepted: Quarkus REST answers 401 with the same failure, remembered
                rejected -> chargeResolved(context, null));
    }

    /** Charges the caller's bucket, or the address's when there is no accepted caller; a failure fails the request. */
    private void chargeResolved(RoutingContext context, String caller) {
        try {
            if (caller != null) {
                charge(context, callers, caller);
            } else {
                charge(context, addresses, addressKey(context.request().remoteAddress()));
            }
        } catch (RuntimeException e) {
            context.fail(e);
        }
    }

    private void charge(RoutingContext context, Quota quota, String key) {
        long charge = quota.charge(key);
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(ended -> response.headers()
                .set(RATE_LIMIT_POLICY, quota.policy())
                .set(RATE_LIMIT, quota.remaining(charge)));
        if (charge > 0) {
            context.next();
            return;
        }
        long seconds = quota.retryAfterSeconds(charge);
        Text detail = quota == callers ? Text.of("Too many requests from this caller; retry in {0} s", seconds)
                : Text.of("Too many requests from this address without a token; retry in {0} s", seconds);
        Language language = Language.negotiate(context.request().getHeader(Language.ACCEPT_LANGUAGE));
        String body;
        try {
            body = json.writeValueAsString(new Problem(TYPE, ProblemTitles.of(TYPE, "Too many requests", language), 429,
                    detail.render(language), context.request().path(), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(429)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(Language.CONTENT_LANGUAGE, language.tag())
                .putHeader(HttpHeaders.VARY, Language.ACCEPT_LANGUAGE)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .end(body);
    }

    static String addressKey(SocketAddress address) {
        if (address == null || address.hostAddress() == null) {
            return "unknown";
        }
        return addressKey(address.hostAddress());
    }

    /** An IPv4 address as it is; an IPv6 address reduced to its /64 network ({@code 2001:db8:0:1::/64}). */
    static String addressKey(String hostAddress) {
        String address = hostAddress;
        int zone = address.indexOf('%');
        if (zone >= 0) {
            address = address.substring(0, zone);
        }
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        if (address.indexOf(':') < 0 || !IPV6_LITERAL.matcher(address).matches()) {
            return address;
        }
        InetAddress parsed;
        try {
            // only hex digits, ':' and '.': the JDK parses it as a literal and never looks a name up
            parsed = InetAddress.getByName(address);
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
        if (parsed instanceof Inet4Address) {
            return parsed.getHostAddress(); // an IPv4-mapped address is its IPv4 client
        }
        byte[] bytes = parsed.getAddress();
        StringBuilder network = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return network.append(":/64").toString();
    }
}
