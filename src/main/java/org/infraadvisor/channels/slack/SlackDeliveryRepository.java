package org.infraadvisor.channels.slack;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.H2)
public interface SlackDeliveryRepository extends CrudRepository<SlackDeliveryRecord, String> {

    void deleteByReceivedAtLessThan(Instant cutoff);
}
