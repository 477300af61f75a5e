package cn.rescueforce.openapi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every state change is published in the change feed (README, "Change feed and webhooks"): each entity type a service
 * records in its audit trail ({@code audit.record("Type", …)}) has a {@code ChangeSource} in that service (or the
 * kit) naming it, so a capability added later cannot change state without publishing it. The service's own tests
 * compare its contract's {@code ChangeEventType} with the event types its sources publish.
 */
class ChangeSourcesTest {

    private static final Pattern AUDITED = Pattern.compile("audit\\w*\\.record\\(\\s*\"([A-Za-z]+)\"");
    private static final Pattern SOURCE = Pattern.compile(
            "String entityType\\(\\)\\s*\\{\\s*return\\s+\"([A-Za-z]+)\";");

    static Stream<String> services() {
        return Stream.of("teams-api", "equipment-api", "assessment-api");
    }

    @ParameterizedTest
    @MethodSource("services")
    void everyAuditedEntityTypeHasAChangeSource(String service) throws IOException {
        Set<String> audited = find(AUDITED, Path.of("..", service, "src/main/java"));
        Set<String> published = find(SOURCE, Path.of("..", service, "src/main/java"));
        published.addAll(find(SOURCE, Path.of("kit/src/main/java")));
        assertFalse(audited.isEmpty(), service + " records no change: the pattern no longer finds audit.record");
        Set<String> missing = new TreeSet<>(audited);
        missing.removeAll(published);
        assertEquals(Set.of(), missing, service + " records changes of these entity types without a ChangeSource");
    }

    private static Set<String> find(Pattern pattern, Path root) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = pattern.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        }
        return found;
    }
}
