package org.infraadvisor.channels.slack;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import org.infraadvisor.store.StoreDialect;

import java.time.Instant;

public interface SlackDeliveryRepository extends CrudRepository<SlackDeliveryRecord, String> {

    void deleteByReceivedAtLessThan(Instant cutoff);

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.H2)
    interface OnH2 extends SlackDeliveryRepository {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.POSTGRES)
    interface OnPostgres extends SlackDeliveryRepository {
    }
}
