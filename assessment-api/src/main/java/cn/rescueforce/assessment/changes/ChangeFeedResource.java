package cn.rescueforce.assessment.changes;

import cn.rescueforce.assessment.api.ChangesApi;
import cn.rescueforce.assessment.assessment.AssessmentChanges;
import cn.rescueforce.assessment.assessment.AssessmentMapper;
import cn.rescueforce.kit.changes.ChangeFeed;
import cn.rescueforce.kit.changes.ChangePage;
import cn.rescueforce.kit.security.CurrentCaller;
import cn.rescueforce.kit.security.ManagementLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * The change feed (openapi/assessment-api.yaml, tag Changes). Every level reads it; the kit's {@link ChangeFeed} keeps
 * to each change's audience, which is who reads the object (the {@code *Changes} sources). An assessment is kept as a
 * management level reads it; an assessor is shown it as its own read answers it (masked).
 */
@ApplicationScoped
@Authenticated
public class ChangeFeedResource implements ChangesApi {

    @Inject
    ChangeFeed feed;

    @Inject
    CurrentCaller caller;

    @Inject
    ObjectMapper json;

    @Inject
    AssessmentChanges assessments;

    @Override
    public Response listChanges(String after, Integer limit) {
        ChangePage page = feed.read(after, limit);
        if (caller.get().is(ManagementLevel.ASSESSOR)) {
            page = new ChangePage(page.items().stream().map(this::asAssessorReadsIt).toList(), page.next(), page.hasMore());
        }
        return Response.ok(page).build();
    }

    @Override
    public Response getChangeCursor() {
        return Response.ok(feed.now()).build();
    }

    private ChangePage.Change asAssessorReadsIt(ChangePage.Change change) {
        if (!assessments.entityType().equals(change.entityType())) {
            return change;
        }
        try {
            var assessment = json.readValue(change.data(), cn.rescueforce.assessment.api.model.Assessment.class);
            String data = json.writeValueAsString(AssessmentMapper.asAssessorReadsIt(assessment));
            return new ChangePage.Change(change.id(), change.cursor(), change.type(), change.entityType(), change.entityId(),
                    change.entityVersion(), change.occurredAt(), change.actorLevel(), data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the change feed's copy of assessment " + change.entityId() + " does not read", e);
        }
    }
}
