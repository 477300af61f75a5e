package cn.rescueforce.assessment.changes;

import cn.rescueforce.assessment.api.ChangesApi;
import cn.rescueforce.kit.changes.ChangeFeed;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The change feed (openapi/assessment-api.yaml, tag Changes). Every level reads it; the kit's {@link ChangeFeed} keeps
 * to each change's audience, which is who reads the object (the {@code *Changes} sources), and shows each reader the
 * object as its own read does (an assessor an assessment masked: AssessmentChanges.asSeenBy).
 */
@ApplicationScoped
@Authenticated
public class ChangeFeedResource implements ChangesApi {

    @Inject
    ChangeFeed feed;

    @Override
    public Response listChanges(String after, Integer limit) {
        return Response.ok(feed.read(after, limit)).build();
    }

    @Override
    public Response getChangeCursor() {
        return Response.ok(feed.now()).build();
    }
}
