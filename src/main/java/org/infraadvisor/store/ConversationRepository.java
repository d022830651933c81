package org.infraadvisor.store;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

public interface ConversationRepository extends CrudRepository<ConversationRecord, String> {

    Page<ConversationRecord> findAll(Pageable pageable);

    Page<ConversationRecord> findByStatus(String status, Pageable pageable);

    /** Deletes conversations last changed before {@code cutoff}; their answers and recommendation go with them (FK cascade). */
    long deleteByUpdatedAtLessThan(Instant cutoff);

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.H2)
    interface OnH2 extends ConversationRepository {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.POSTGRES)
    interface OnPostgres extends ConversationRepository {
    }
}
