package cn.rescueforce.kit.problem;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A unique violation that surfaces only when the transaction commits (two concurrent creations of the same code;
 * found by bench/fuzz.sh as a 500) is the 409 conflict it is when found earlier; anything else stays a 500.
 */
class CommitTimeFailureTest {

    private final ProblemMappers mappers = new ProblemMappers();

    private static RuntimeException atCommit(Throwable cause) {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(cause);
        return new QuarkusTransactionException(rollback);
    }

    @Test
    void aUniqueViolationAtCommitIsAConflict() {
        Response response = mappers.unexpected(atCommit(new ConstraintViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505"), ConstraintViolationException.ConstraintKind.UNIQUE,
                "standard_code_version_unique")), null, null);
        assertEquals(409, response.getStatus());
        assertEquals(Problem.TYPE_BASE + "conflict", ((Problem) response.getEntity()).type());
    }

    @Test
    void anotherFailureAtCommitStaysAnInternalError() {
        Response response = mappers.unexpected(atCommit(new IllegalStateException("disk full")), null, null);
        assertEquals(500, response.getStatus());
    }
}
