package cn.rescueforce.kit.abuse;

import cn.rescueforce.kit.problem.Problem;
import cn.rescueforce.kit.problem.ProblemResponses;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The rate limit of the operations that need no token ({@link RateLimited}): one token bucket per client address
 * ({@link TokenBuckets}), shared by all of them, sized by {@code rescue-force.rate-limit.public.*} (the kit's
 * defaults, section "abuse limits"). Above it the request is answered with a 429 problem ({@code too-many-requests})
 * and a {@code Retry-After} of the whole seconds until the bucket has a token again; the resource method does not
 * run, so the refusal costs no database query, and it is decided on the event loop, before a worker thread is taken.
 * <p>
 * The address is the connection's remote address as Vert.x gives it. Behind a proxy or an ingress that is the
 * proxy's, unless Quarkus is told to take the client's from the forwarding headers
 * ({@code quarkus.http.proxy.proxy-address-forwarding} with {@code allow-x-forwarded} or {@code allow-forwarded},
 * and {@code trusted-proxies}); this class never reads those headers itself. An IPv6 client is counted by its /64
 * network: one subscriber usually holds a whole /64 and could otherwise change address at every request.
 */
@ApplicationScoped
public class PublicRateLimit {

    static final String TYPE = Problem.TYPE_BASE + "too-many-requests";
    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final TokenBuckets buckets;
    /** Per resource method (a fixed, small set): whether it is rate-limited. */
    private final Map<Method, Boolean> marked = new ConcurrentHashMap<>();

    PublicRateLimit(@ConfigProperty(name = "rescue-force.rate-limit.public.requests-per-minute") int perMinute,
                    @ConfigProperty(name = "rescue-force.rate-limit.public.burst") int burst,
                    @ConfigProperty(name = "rescue-force.rate-limit.public.max-addresses") int maxAddresses) {
        this.buckets = new TokenBuckets(perMinute, burst, maxAddresses, System::nanoTime);
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION - 100, nonBlocking = true)
    public Response limit(HttpServerRequest request, ResourceInfo resource) {
        if (!limited(resource)) {
            return null;
        }
        long wait = buckets.take(clientKey(request.remoteAddress()));
        if (wait == 0) {
            return null;
        }
        long seconds = retryAfterSeconds(wait);
        Response problem = ProblemResponses.of(429, TYPE, "Too many requests",
                "Too many requests from this address without a token; retry in " + seconds + " s", request.path(), null);
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    /**
     * Whether the matched method carries {@link RateLimited}. The contracts' resources implement generated interfaces,
     * so the annotation is on the implementing method, which JAX-RS name binding does not see: it is looked up on the
     * resource class once per method.
     */
    private boolean limited(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null) {
            return false;
        }
        return marked.computeIfAbsent(method, m -> isMarked(type, m));
    }

    static boolean isMarked(Class<?> resourceClass, Method method) {
        if (method.isAnnotationPresent(RateLimited.class)) {
            return true;
        }
        try {
            return resourceClass.getMethod(method.getName(), method.getParameterTypes()).isAnnotationPresent(RateLimited.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Whole seconds, rounded up and at least 1, until a request would be allowed. */
    static long retryAfterSeconds(long waitNanos) {
        long second = TimeUnit.SECONDS.toNanos(1);
        return Math.max(1, (waitNanos + second - 1) / second);
    }

    static String clientKey(SocketAddress address) {
        if (address == null || address.hostAddress() == null) {
            return "unknown";
        }
        return clientKey(address.hostAddress());
    }

    /** An IPv4 address as it is; an IPv6 address reduced to its /64 network ({@code 2001:db8:0:1::/64}). */
    static String clientKey(String hostAddress) {
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
