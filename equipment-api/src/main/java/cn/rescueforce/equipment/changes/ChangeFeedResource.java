package cn.rescueforce.equipment.changes;

import cn.rescueforce.equipment.api.ChangesApi;
import cn.rescueforce.kit.changes.ChangeFeed;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The change feed of this service (openapi/equipment-api.yaml, Changes): every level reads it, and sees the changes of
 * the objects it may read (each ChangeSource's Audience); the rules and the shape are the kit's.
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
