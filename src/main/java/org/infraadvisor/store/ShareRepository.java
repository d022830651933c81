package org.infraadvisor.store;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

public interface ShareRepository extends CrudRepository<ShareRecord, String> {

    /** Which of the conversations have sharing on. */
    List<String> findConversationIdByConversationIdIn(Collection<String> conversationIds);

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.H2)
    interface OnH2 extends ShareRepository {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.POSTGRES)
    interface OnPostgres extends ShareRepository {
    }
}
