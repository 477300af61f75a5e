package cn.rescueforce.teams.changes;

import cn.rescueforce.kit.changes.ChangeFeed;
import cn.rescueforce.teams.api.ChangesApi;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1/changes} and {@code GET /api/v1/changes/cursor}: every level may follow the feed; the kit's
 * {@link ChangeFeed} answers within the caller's scope (each change's {@code Audience}, the change sources of the
 * capability packages).
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
