package cn.rescueforce.teams.reads;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The registry's read version: one row ({@code read_version}, migration V10) that every committed change of a team or
 * a supporting unit moves, by a deferred trigger, once per transaction and in commit order. Read by primary key on
 * each request that needs it, so every replica sees a change as soon as it is committed: no staleness of its own
 * (README, "Performance").
 */
@ApplicationScoped
public class ReadVersion {

    static final String QUERY = "select version from read_version where id = 1";

    @Inject
    AgroalDataSource dataSource;

    /** The version now committed. */
    public long current() {
        return read(dataSource, QUERY, "read_version has no row: migration V10 not applied");
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
