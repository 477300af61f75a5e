package cn.rescueforce.teams.reads;

import cn.rescueforce.teams.api.model.TeamCategory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The JSON of each team read, kept per team and row state, for the hottest read of the registry
 * ({@code GET /api/v1/teams/{teamId}}). Every read first asks the database for the team's state by primary key (one
 * indexed row: its version, the row's and its supporting unit's {@code xmin}, and the facts the scope rule needs);
 * the kept JSON is served only when that state is the one it was made from. So a replica never serves a team older
 * than the last committed change, whichever replica wrote it, and a row changed by any means (not only through the
 * entity and its version) is never mistaken for the kept one. A missing team and a team out of scope cost the same
 * probe and answer the same 404 (the caller's {@code Scope} decides, as for every team).
 */
@ApplicationScoped
public class TeamRepresentations {

    static final String PROBE = "select t.version, t.xmin::text, u.xmin::text, t.province, t.category, t.supporting_unit_id"
            + " from team t left join supporting_unit u on u.id = t.supporting_unit_id where t.id = ?";

    /** What the database says about a team now: enough to check scope, answer a 304, and recognise kept JSON. */
    public record Probe(UUID id, long version, String state, String province, TeamCategory category, UUID supportingUnitId) {
    }

    /** JSON made from the team in {@code state} (its version and row states), with the version for its ETag. */
    record Kept(String state, long version, byte[] json) {
    }

    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "rescue-force.read-cache.enabled", defaultValue = "true")
    boolean enabled;

    /** Teams kept at most; beyond, the kept JSON is dropped and built again (about 1 KB each). */
    @ConfigProperty(name = "rescue-force.read-cache.teams.max-entries", defaultValue = "20000")
    int maxEntries;

    /** The team's state now, or null when there is no such team. */
    public Probe probe(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(PROBE)) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                long version = row.getLong(1);
                return new Probe(id, version, version + "/" + row.getString(2) + "/" + row.getString(3), row.getString(4),
                        TeamCategory.valueOf(row.getString(5)), row.getObject(6, UUID.class));
            }
        } catch (SQLException e) {
            throw new ReadVersion.ReadFailed(e);
        }
    }

    /**
     * The team's JSON for {@code probe}: the kept one when it was made from the same state, else {@code build}'s
     * (the team read through the entity and mapped as every other answer), kept when the team did not change while it
     * was built (a second probe finds the same state).
     */
    public Json json(Probe probe, Supplier<Built> build) {
        if (enabled) {
            Kept hit = kept.get(probe.id());
            if (hit != null && hit.state().equals(probe.state())) {
                return new Json(hit.json(), hit.version());
            }
        }
        Built built = build.get();
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(built.representation());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("team " + probe.id() + " cannot be written as JSON", e);
        }
        if (enabled && built.version() == probe.version()) {
            Probe after = probe(probe.id());
            if (after != null && after.state().equals(probe.state())) {
                if (kept.size() >= maxEntries) {
                    kept.clear(); // bounded memory beats a perfect eviction policy here
                }
                kept.put(probe.id(), new Kept(probe.state(), built.version(), bytes));
            }
        }
        return new Json(bytes, built.version());
    }

    /** Forgets every kept team (tests; a replica never needs it: kept JSON is checked against the row on every read). */
    public void clear() {
        kept.clear();
    }

    /** A representation built from the entity, and the version it was built from. */
    public record Built(Object representation, long version) {
    }

    /** The JSON to answer with and the version for its ETag. */
    public record Json(byte[] bytes, long version) {
    }
}
