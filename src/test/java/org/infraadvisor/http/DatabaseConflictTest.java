package org.infraadvisor.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import org.infraadvisor.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.Map;

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

    @SuppressWarnings("unchecked")
    Map<String, Object> problem(String sqlState) {
        HttpResponse<?> response = handler.handle(HttpRequest.POST("/api/conversations/x/answers", ""),
                new DataAccessException("Error executing PERSIST: secret SQL", new SQLException("duplicate key", sqlState)));
        Map<String, Object> body = (Map<String, Object>) response.body();
        assertThat(body).containsEntry("status", response.code());
        return body;
    }

    @Test
    void raceStatesOfH2AndPostgresAreConflicts() {
        for (String state : new String[] {"23505", "40001", "40P01", "HYT00"}) {
            assertThat(problem(state)).as(state).containsEntry("status", 409)
                    .hasEntrySatisfying("detail", d -> assertThat((String) d).contains("changed by another request"));
        }
    }

    @Test
    void otherDatabaseErrorsStayServerErrorsWithoutSql() {
        assertThat(problem("08006")).containsEntry("status", 500)
                .hasEntrySatisfying("detail", d -> assertThat((String) d).doesNotContain("SQL").doesNotContain("secret"));
    }
}
