package cn.rescueforce.teams.directory;

import cn.rescueforce.teams.reads.ReadVersion;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Caching headers for the answers without a token that depend only on the registry (the public directory and the
 * public nearest-team search, openapi/teams-api.yaml): a weak {@code ETag} naming the {@link ReadVersion} read before
 * the answer is built, and {@code Cache-Control: public, max-age=N} (rescue-force.public-cache.max-age, 5 s by
 * default), so that a CDN or reverse proxy may answer for N seconds and then revalidate. Staleness: at most N seconds
 * behind the last committed change for a cache in front, none at the service (README, "Performance"). Any change of a
 * team or supporting unit moves the version, also one that does not show in a given answer: the tag is conservative,
 * never stale.
 * <p>
 * A revalidation ({@code If-None-Match} with the current tag) of a URL this replica has answered 200 at the current
 * version is answered 304 here, before the resource, for the cost of reading the version by primary key. Any other
 * request goes to the resource, so that a bad question is still a 400; when its answer is a 200 and the tag matches, it
 * becomes a 304 (RFC 9110 13.2: conditions apply only to what would otherwise be a 2xx). The filter runs on the worker
 * thread of these blocking operations.
 */
@Provider
public class PublicRevalidation implements ContainerRequestFilter, ContainerResponseFilter {

    static final Set<String> PATHS = Set.of("/api/v1/public/teams", "/api/v1/public/nearest-teams");
    private static final String TAG = PublicRevalidation.class.getName() + ".tag";
    private static final String VERSION = PublicRevalidation.class.getName() + ".version";

    private final AtomicReference<AnsweredUrls> answered = new AtomicReference<>(new AnsweredUrls(-1));

    @Inject
    ReadVersion readVersion;

    @ConfigProperty(name = "rescue-force.public-cache.max-age", defaultValue = "5")
    int maxAgeSeconds;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod()) || !PATHS.contains(path(request))) {
            return;
        }
        long version = readVersion.forThisRequest();
        String tag = tagOf(version);
        request.setProperty(TAG, tag);
        request.setProperty(VERSION, version);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag) && answered.get().contains(version, url(request))) {
            request.abortWith(Response.notModified().header(HttpHeaders.ETAG, tag).header(HttpHeaders.CACHE_CONTROL, cacheControl()).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object tag = request.getProperty(TAG);
        if (tag == null || response.getStatus() != 200 && response.getStatus() != 304) {
            return;
        }
        if (response.getStatus() == 200) {
            remember((Long) request.getProperty(VERSION), url(request));
            if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), (String) tag)) {
                response.setStatus(304);
                response.setEntity(null);
                response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            }
        }
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, cacheControl());
    }

    private void remember(long version, String url) {
        AnsweredUrls known = answered.get();
        if (known.version() < version) {
            AnsweredUrls fresh = new AnsweredUrls(version);
            known = answered.compareAndSet(known, fresh) ? fresh : answered.get();
        }
        known.add(version, url); // an answer built before a newer one was seen is not remembered
    }

    private static String url(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    /** Weak: the same version gives the same teams, not always in the same byte order (ties of the sort). */
    static String tagOf(long version) {
        return "W/\"registry-" + version + "\"";
    }

    /** Weak comparison (RFC 9110 13.1.2): {@code W/} is ignored on both sides; {@code *} matches. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = tag.substring(2);
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*") || (value.startsWith("W/") ? value.substring(2) : value).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private String cacheControl() {
        return "public, max-age=" + maxAgeSeconds;
    }

    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.startsWith("/") ? path : "/" + path;
    }
}
