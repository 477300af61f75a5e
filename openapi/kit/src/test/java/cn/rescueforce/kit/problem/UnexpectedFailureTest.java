package cn.rescueforce.kit.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A failure nobody foresaw is a 500 that says nothing of its cause (no message, stack or SQL: those are logged); a
 * database out of reach is a 503 {@code database-unavailable} with Retry-After, whichever layer reports it.
 */
class UnexpectedFailureTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aFailureQuotingSqlAndAStackGivesOnlyTheGenericProblem() throws Exception {
        SQLException sql = new SQLException("ERROR: column t.secret_note does not exist\n  Position: 8\n"
                + "select t.id, t.secret_note from team t where t.province = '510000'", "42703");
        RuntimeException failure = new PersistenceException("org.hibernate.exception.SQLGrammarException: JDBC exception executing SQL "
                + "[select t.id, t.secret_note from team t] at cn.rescueforce.teams.team.TeamRepository.list(TeamRepository.java:42)", sql);
        Response response = mappers.unexpected(failure, null, null);

        assertEquals(500, response.getStatus());
        assertNull(response.getHeaderString("Retry-After"));
        Problem problem = (Problem) response.getEntity();
        assertEquals(Problem.TYPE_BASE + "internal", problem.type());
        assertEquals("Internal error", problem.title());
        assertEquals("The request could not be completed; nothing was changed", problem.detail());
        assertNull(problem.errors());
        String body = new ObjectMapper().writeValueAsString(problem).toLowerCase();
        for (String leak : new String[]{"select", "secret_note", "sqlgrammar", "exception", "teamrepository", ".java", "42703"}) {
            assertFalse(body.contains(leak), "the body reveals '" + leak + "': " + body);
        }
    }

    @Test
    void aConnectionRefusedByTheDatabaseIsUnavailableForFiveSeconds() {
        // the PostgreSQL driver: SQLState 08001, wrapped by Hibernate as it converts class 08
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused. Check that the hostname and port are correct",
                "08001", new ConnectException("Connection refused"));
        assertDatabaseUnavailable(mappers.unexpected(new JDBCConnectionException("Unable to acquire JDBC Connection", refused), null, null));
        assertDatabaseUnavailable(mappers.unexpected(new PersistenceException(refused), null, null));
    }

    @Test
    void aConnectionLostMidTransactionIsUnavailable() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertDatabaseUnavailable(mappers.unexpected(new QuarkusTransactionException(new PersistenceException(lost)), null, null));
    }

    @Test
    void aServerShuttingDownIsUnavailable() {
        // a pooled connection after the server's shutdown or a primary's switchover (found by stopping the local
        // suite's database: the first request was a 500): Hibernate wraps SQLState 57P01 as a generic JDBC exception
        SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertDatabaseUnavailable(mappers.unexpected(new GenericJDBCException("JDBC exception executing SQL [select ...]", terminated), null, null));
        assertDatabaseUnavailable(mappers.unexpected(new PersistenceException(new SQLException("FATAL: the database system is starting up", "57P03")), null, null));
    }

    @Test
    void thePoolGivingUpWaitingForAConnectionIsUnavailable() {
        // Agroal: a plain SQLException without SQLState, which Hibernate wraps as a generic JDBC exception
        SQLException timeout = new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException());
        assertDatabaseUnavailable(mappers.unexpected(new GenericJDBCException("Unable to acquire JDBC Connection", timeout), null, null));
        assertDatabaseUnavailable(mappers.unexpected(new PersistenceException(new SQLException("Sorry, acquisition timeout!")), null, null));
        assertDatabaseUnavailable(mappers.unexpected(new PersistenceException(new SQLTransientConnectionException("pool exhausted")), null, null));
    }

    @Test
    void anotherDatabaseErrorStaysAnInternalError() {
        SQLException syntax = new SQLException("ERROR: syntax error at or near \"form\"", "42601");
        assertEquals(500, mappers.unexpected(new GenericJDBCException("could not execute statement", syntax), null, null).getStatus());
        assertEquals(500, mappers.unexpected(new IllegalStateException("no SQLState at all"), null, null).getStatus());
    }

    private static void assertDatabaseUnavailable(Response response) {
        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
        Problem problem = (Problem) response.getEntity();
        assertEquals("https://rescue-force.cn/problems/database-unavailable", problem.type());
        assertEquals("Database unavailable", problem.title());
        assertEquals(503, problem.status());
        assertFalse(problem.detail().contains("5432"), problem.detail());
    }
}
