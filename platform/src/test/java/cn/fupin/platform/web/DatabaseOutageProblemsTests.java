package cn.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * A database out of reach — no connection, a connection broken under a statement, a commit or rollback failed on a cut
 * link (the network fault tests' cut connections) — is the caller's to retry: 503 with Retry-After, never a 500.
 */
class DatabaseOutageProblemsTests {

    private final ProblemAdvice advice = new ProblemAdvice(IndicatorNames.fromContract("openapi/strict-bodies-test.yaml"));
    private final ExceptionHandlerMethodResolver handlers = new ExceptionHandlerMethodResolver(ProblemAdvice.class);

    @Test
    void everyWayOfLosingTheDatabaseIsAnsweredAsRetryable() {
        var lost = java.util.List.of(new CannotGetJdbcConnectionException("no connection within 5 s"),
                new CannotCreateTransactionException("could not open a connection"),
                new DataAccessResourceFailureException("I/O error", new SQLException("connection reset", "08006")),
                new TransactionSystemException("JDBC rollback failed"));

        for (Exception ex : lost) {
            assertThat(handlers.resolveMethod(ex)).as(ex.getClass().getSimpleName()).isNotNull()
                    .extracting(java.lang.reflect.Method::getName).isEqualTo("noConnection");
        }
        var answer = advice.noConnection(new TransactionSystemException("JDBC rollback failed"));
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        assertThat(answer.getBody().getProperties()).containsEntry("code", "database-busy");
    }
}
