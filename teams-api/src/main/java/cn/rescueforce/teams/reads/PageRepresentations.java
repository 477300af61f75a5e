package cn.rescueforce.teams.reads;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The JSON of list pages over teams (the registry's team list, the public directory), kept per question (who asks,
 * as far as the scope rule tells callers apart, and every parameter) and per {@link ReadVersion}: the version is read
 * by primary key before the page is built or a kept one served, and any committed change of a team or supporting
 * unit moves it, so a page is never older than the last committed change when it is served. A page built while a
 * change commits may be newer than its version; it is then only replaced sooner.
 */
@ApplicationScoped
public class PageRepresentations {

    record Kept(long version, byte[] json) {
    }

    private final Map<Object, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicLong keptBytes = new AtomicLong();

    @Inject
    ReadVersion readVersion;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "rescue-force.read-cache.enabled", defaultValue = "true")
    boolean enabled;

    /** The bytes kept at most (pages of 20 teams are about 15 KB); beyond, every kept page is dropped. */
    @ConfigProperty(name = "rescue-force.read-cache.pages.max-bytes", defaultValue = "16000000")
    long maxBytes;

    /** The JSON of the page that answers {@code question} now: kept, or built by {@code page} and kept. */
    public byte[] json(Object question, Supplier<Object> page) {
        if (!enabled) {
            return write(page.get());
        }
        long version = readVersion.forThisRequest();
        Kept hit = kept.get(question);
        if (hit != null && hit.version() == version) {
            return hit.json();
        }
        byte[] bytes = write(page.get());
        if (keptBytes.addAndGet(bytes.length) > maxBytes) {
            kept.clear(); // bounded memory beats a perfect eviction policy here
            keptBytes.set(bytes.length);
        }
        Kept former = kept.put(question, new Kept(version, bytes));
        if (former != null) {
            keptBytes.addAndGet(-former.json().length);
        }
        return bytes;
    }

    private byte[] write(Object page) {
        try {
            return json.writeValueAsBytes(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a page cannot be written as JSON", e);
        }
    }
}
