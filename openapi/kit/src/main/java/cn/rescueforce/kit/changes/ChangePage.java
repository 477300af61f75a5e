package cn.rescueforce.kit.changes;

import cn.rescueforce.kit.security.ManagementLevel;
import com.fasterxml.jackson.annotation.JsonRawValue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A page of the change feed as every service's contract publishes it ({@code ChangePage}): the changes in commit
 * order, the cursor to resume from, and whether more are waiting.
 */
public record ChangePage(List<Change> items, String next, boolean hasMore) {

    /**
     * One change ({@code Change}): {@code data} is the entity after the change, as a read of it answers (written
     * as stored, not parsed again).
     */
    public record Change(UUID id, String cursor, String type, String entityType, UUID entityId, Long entityVersion,
                         OffsetDateTime occurredAt, ManagementLevel actorLevel, @JsonRawValue String data) {
    }

    /** The cursor a client takes before a full read ({@code ChangeCursor}). */
    public record Head(String cursor) {
    }
}
