package org.infraadvisor.store;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Whatever H2 file URL an operator writes, commits are written at once; a URL that asks for a delay does not start. */
class H2DurableWritesTest {

    static String writeDelay(ApplicationContext context) throws Exception {
        DataSource dataSource = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    @Test
    void aPlainFileUrlGetsNoWriteDelay() throws Exception {
        String url = "jdbc:h2:file:./target/test-data/plain-" + UUID.randomUUID();
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", url), "test")) {
            assertThat(writeDelay(context)).as("H2's default is 500 ms; the service must make it 0").isEqualTo("0");
        }
    }

    @Test
    void aUrlAskingForADelayRefusesToStartAndSaysHowToFixIt() {
        String url = "jdbc:h2:file:./target/test-data/delayed-" + UUID.randomUUID() + ";write_delay=500";
        assertThatThrownBy(() -> ApplicationContext.run(Map.of("datasources.default.url", url), "test").close())
                .hasStackTraceContaining("WRITE_DELAY=500")
                .hasStackTraceContaining("Remove WRITE_DELAY from the URL");
    }

    @Test
    void urlsAreRewrittenOnlyWhereADiskIsInvolved() {
        assertThat(H2DurableWrites.durable("jdbc:h2:file:/var/lib/advisor/db", "p")).isEqualTo("jdbc:h2:file:/var/lib/advisor/db;WRITE_DELAY=0");
        assertThat(H2DurableWrites.durable("jdbc:h2:./data/advisor;AUTO_SERVER=FALSE;", "p"))
                .isEqualTo("jdbc:h2:./data/advisor;AUTO_SERVER=FALSE;WRITE_DELAY=0");
        assertThat(H2DurableWrites.durable("jdbc:h2:tcp://db:9092/advisor", "p")).isEqualTo("jdbc:h2:tcp://db:9092/advisor;WRITE_DELAY=0");
        assertThat(H2DurableWrites.durable("jdbc:h2:file:./x;Write_Delay = 0", "p")).isEqualTo("jdbc:h2:file:./x;Write_Delay = 0");
        assertThat(H2DurableWrites.durable("jdbc:h2:mem:test", "p")).isEqualTo("jdbc:h2:mem:test");
        assertThat(H2DurableWrites.durable("jdbc:postgresql://db/advisor", "p")).isEqualTo("jdbc:postgresql://db/advisor");
        assertThatThrownBy(() -> H2DurableWrites.durable("jdbc:h2:file:./x;PASSWORD=secret;WRITE_DELAY=1000", "datasources.default.url"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("datasources.default.url sets WRITE_DELAY=1000")
                .hasMessageNotContaining("secret");
    }
}
