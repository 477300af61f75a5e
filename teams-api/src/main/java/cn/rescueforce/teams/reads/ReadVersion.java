package cn.rescueforce.teams.reads;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongSupplier;

/**
 * The registry's read version: one row ({@code read_version}, migration V10) that every committed change of a team or
 * a supporting unit moves, by a deferred trigger, once per transaction and in commit order. Read by primary key on
 * each request that needs it, so every replica sees a change as soon as it is committed: no staleness of its own
 * (README, "Performance").
 */
@ApplicationScoped
public class ReadVersion {

    /** The version now committed, by primary key (also read, in one snapshot with the teams, by nearest/RespondingTeams). */
    public static final String QUERY = "select version from read_version where id = 1";
    public static final String MISSING = "read_version has no row: migration V10 not applied";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ThisRequest thisRequest;

    /** The version now committed. */
    public long current() {
        return read(dataSource, QUERY, MISSING);
    }

    /**
     * The version as read by the first call of the request under way: a read's answer and its caching headers
     * (directory/PublicRevalidation) then name the same version, for one primary-key read. Only for requests that do
     * not write (a write of this request would not move it).
     */
    public long forThisRequest() {
        return thisRequest.version(this::current);
    }

    /** The version read during one request. */
    @RequestScoped
    static class ThisRequest {

        private long version = -1;

        long version(LongSupplier read) {
            if (version < 0) {
                version = read.getAsLong();
            }
            return version;
        }
    }

    /** The one version a query by primary key answers, on a connection of its own (outside the caller's transaction). */
    static long read(AgroalDataSource dataSource, String query, String missing) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query);
             ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException(missing);
            }
            return row.getLong(1);
        } catch (SQLException e) {
            throw new ReadFailed(e);
        }
    }

    /** A failed read of the version or of a team's probe: the database's own error, for the kit's 503 mapping. */
    public static final class ReadFailed extends RuntimeException {
        ReadFailed(SQLException cause) {
            super(cause);
        }
    }
}
