package org.infraadvisor.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.ApplicationContext;
import io.micronaut.data.annotation.Repository;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.json.tree.JsonNode;
import org.infraadvisor.conversation.ConversationService;
import org.infraadvisor.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The datasource configuration alone decides which database the store talks to and which SQL it sends. */
class StoreDialectTest {

    static Map<String, Object> database(String dialect) {
        return dialect.equals("POSTGRES") ? TestDatabases.postgres() : TestDatabases.h2();
    }

    @ParameterizedTest
    @ValueSource(strings = {"H2", "POSTGRES"})
    void repositoriesSpeakTheConfiguredDialect(String dialect) throws Exception {
        Map<String, Object> database = database(dialect);
        Logger queryLog = (Logger) LoggerFactory.getLogger("io.micronaut.data.query");
        ListAppender<ILoggingEvent> queries = new ListAppender<>();
        queries.start();
        try (ApplicationContext ctx = ApplicationContext.run(database, "test")) {
            var repositories = ctx.getBeanDefinitions(Object.class, Qualifiers.byStereotype(Repository.class));
            assertThat(repositories).as("one repository per table").hasSizeGreaterThanOrEqualTo(3)
                    .allSatisfy(r -> assertThat(r.enumValue(JdbcRepository.class, "dialect", Dialect.class))
                            .as(r.getBeanType().getName()).contains(Dialect.valueOf(dialect)));

            try (Connection c = TestDatabases.connect(database)) {
                assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(dialect.equals("POSTGRES") ? "PostgreSQL" : "H2");
                assertThat(TestDatabases.queryLong(database, "select count(*) from \"flyway_schema_history\" where \"success\"")).isPositive();
            }

            queryLog.addAppender(queries);
            queryLog.setLevel(Level.DEBUG);
            ConversationService service = ctx.getBean(ConversationService.class);
            String id = service.start("infra-strategy", "test").id();
            service.answer(id, "workload", JsonNode.createStringNode("inference"));
            assertThat(service.get(id).answers()).hasSize(1);
        } finally {
            queryLog.detachAppender(queries);
            queryLog.setLevel(null);
        }
        List<String> sql = queries.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("Executing")).toList();
        assertThat(sql).isNotEmpty();
        // Micronaut Data's repositories quote names with backticks for H2 and double quotes for PostgreSQL, which
        // rejects backticks; the plain SQL of a turn (TurnStatements) quotes nothing and is valid on both.
        String quote = dialect.equals("POSTGRES") ? "\"conversation\"" : "`conversation`";
        String otherQuote = dialect.equals("POSTGRES") ? "`" : "\"";
        assertThat(sql).noneSatisfy(q -> assertThat(q).contains(otherQuote));
        assertThat(sql).as("the repositories' own queries").anySatisfy(q -> assertThat(q).contains(quote));
    }

    @Test
    void aDialectThatDoesNotMatchTheUrlStopsTheStartWithTheFix() {
        Map<String, Object> config = new HashMap<>(TestDatabases.postgres());
        config.put("datasources.default.dialect", "H2");
        assertThatThrownBy(() -> ApplicationContext.run(config, "test").close())
                .hasStackTraceContaining("is a POSTGRES URL but datasources.default.dialect is 'H2'")
                .hasStackTraceContaining("DATASOURCES_DEFAULT_DIALECT=POSTGRES");
    }

    @Test
    void anUnsupportedDatabaseIsNamedWithoutItsCredentials() {
        assertThatThrownBy(() -> DialectCheck.expectedDialect("jdbc:mysql://db:3306/advisor?password=secret"))
                .hasMessageContaining("not jdbc:mysql: URL")
                .hasMessageNotContaining("secret");
    }
}
