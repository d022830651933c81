package org.infraadvisor.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.infraadvisor.testsupport.Api;
import org.infraadvisor.testsupport.Problem;
import org.infraadvisor.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors from a database race are a 409 the client can retry; other database errors a 500 that shows no SQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseConflictTest {

    ApplicationContext ctx;
    ProblemHandlers.DatabaseConflict handler;

    @BeforeAll
    void start() {
        ctx = ApplicationContext.run(TestDatabases.h2(), "test");
        handler = ctx.getBean(ProblemHandlers.DatabaseConflict.class);
    }

    @AfterAll
    void stop() {
        ctx.close();
    }

    /** The problem document as a client reads it. */
    Problem problem(String sqlState) {
        HttpResponse<?> response = handler.handle(HttpRequest.POST("/api/conversations/x/answers", ""),
                new DataAccessException("Error executing PERSIST: secret SQL", new SQLException("duplicate key", sqlState)));
        Problem body = Api.read(Api.write(response.body()), Problem.class);
        assertThat(body.status()).isEqualTo(response.code());
        return body;
    }

    @Test
    void raceStatesOfH2AndPostgresAreConflicts() {
        for (String state : new String[] {"23505", "40001", "40P01", "HYT00"}) {
            Problem problem = problem(state);
            assertThat(problem.status()).as(state).isEqualTo(409);
            assertThat(problem.detail()).as(state).contains("changed by another request");
        }
    }

    @Test
    void otherDatabaseErrorsStayServerErrorsWithoutSql() {
        Problem problem = problem("08006");
        assertThat(problem.status()).isEqualTo(500);
        assertThat(problem.detail()).isNotNull().doesNotContain("SQL").doesNotContain("secret");
    }
}
