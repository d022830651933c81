package org.infraadvisor.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

@JdbcRepository(dialect = Dialect.H2)
public interface ConversationRepository extends CrudRepository<ConversationRecord, String> {

    Page<ConversationRecord> findAll(Pageable pageable);

    Page<ConversationRecord> findByStatus(String status, Pageable pageable);

    /** Deletes conversations last changed before {@code cutoff}; their answers and recommendation go with them (FK cascade). */
    long deleteByUpdatedAtLessThan(Instant cutoff);
}
