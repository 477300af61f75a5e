package cn.rescueforce.e2e;

import cn.rescueforce.devkit.testing.RequiredTools;
import cn.rescueforce.devkit.testing.ToolRun;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A web or mobile client's flow through the TypeScript client generated from teams-api's contract
 * (openapi/sdk/typescript/flow.ts, compiled strict by openapi/sdk/typescript/build.sh), run with Node against the running
 * service with a token of the realm: a registration with an Idempotency-Key and its replay, the read-back with its
 * ETag, a change with If-Match, and the problem type of a stale If-Match. Needs Node: skipped without it (one line
 * says so) unless {@code NODE_CHECKS_REQUIRED=true}, as CI sets, which turns a missing Node into a failure.
 */
@Order(5)
@ExtendWith(Suite.Extension.class)
class TypeScriptSdkIT {

    private static Suite suite;

    @BeforeAll
    static void suite() {
        suite = Suite.get();
    }

    @Test
    void aWebClientRegistersAUnitSafelyAndChangesItWithItsETag() throws IOException, InterruptedException {
        RequiredTools.onPath("TypeScript client flow (openapi/sdk/typescript/flow.ts)", "NODE_CHECKS_REQUIRED", "install Node 18+ and npm to run it", "node", "npm");
        Path sdk = Repo.root().resolve("openapi/sdk");
        Path flow = sdk.resolve("target/typescript-js/typescript/flow.js");
        // compiled by the sdk module's test; again here when that test did not run (-Dtest=...) after the clients were generated
        if (!Files.isRegularFile(flow)
                || Files.getLastModifiedTime(flow).compareTo(Files.getLastModifiedTime(sdk.resolve("typescript/flow.ts"))) < 0
                || Files.getLastModifiedTime(flow).compareTo(Files.getLastModifiedTime(sdk.resolve("target/typescript/teams-api/index.ts"))) < 0) {
            ToolRun.Answer build = ToolRun.run(new ProcessBuilder("bash", sdk.resolve("typescript/build.sh").toString()), 10, null);
            assertEquals(0, build.exit(), "openapi/sdk/typescript/build.sh:\n" + build.output());
        }

        String key = "sdk-ts-unit-" + UUID.randomUUID();
        ProcessBuilder node = new ProcessBuilder("node", flow.toString());
        node.environment().put("TEAMS_API_URL", suite.service("teams-api").url());
        node.environment().put("TOKEN", Http.userToken(suite.keycloak, "provincial-510000"));
        node.environment().put("PROVINCE", "510000");
        node.environment().put("CREDIT_CODE", Bodies.creditCode("510000"));
        node.environment().put("IDEMPOTENCY_KEY", key);
        ToolRun.Answer answer = ToolRun.run(node, 2, null);
        assertEquals(0, answer.exit(), "flow.js:\n" + answer.output());
        List<String> lines = answer.output().lines().filter(l -> l.startsWith("{")).toList();
        assertFalse(lines.isEmpty(), "flow.js printed what it saw:\n" + answer.output());
        JsonNode saw = Repo.JSON.readTree(lines.get(lines.size() - 1));
        System.out.println("[e2e] TypeScript client: " + saw);

        String unit = saw.path("created").asText();
        assertEquals(201, saw.path("createdStatus").asInt());
        assertEquals(unit, saw.path("replayed").asText(), "the retried registration answered the first unit");
        assertEquals(201, saw.path("replayedStatus").asInt());
        assertEquals("true", saw.path("replayedHeader").asText());
        assertEquals(unit, saw.path("readBack").asText());
        int version = saw.path("version").asInt();
        assertEquals("\"" + version + "\"", saw.path("etag").asText(), "the ETag is the unit's version");
        assertEquals("李明", saw.path("updatedContact").asText());
        assertNotEquals(saw.path("etag").asText(), saw.path("newEtag").asText(), "a change moves the ETag");
        assertEquals(412, saw.path("staleStatus").asInt());
        assertEquals("https://rescue-force.cn/problems/precondition-failed", saw.path("staleType").asText());

        // what the client did, seen by another caller: one unit, changed once, the stale change refused
        JsonNode read = Http.get(suite.service("teams-api").url() + "/api/v1/supporting-units/" + unit,
                Http.userToken(suite.keycloak, "national-duty")).expect(200);
        assertEquals("李明", read.path("contactName").asText());
        assertEquals(version + 1, read.path("version").asInt(), "changed once: " + read);
    }

}
