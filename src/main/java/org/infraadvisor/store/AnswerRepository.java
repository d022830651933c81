package org.infraadvisor.store;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;

public interface AnswerRepository extends CrudRepository<AnswerRecord, Long> {

    void deleteByConversationIdAndQuestionIn(String conversationId, Collection<String> questions);

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.H2)
    interface OnH2 extends AnswerRepository {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.POSTGRES)
    interface OnPostgres extends AnswerRepository {
    }
}
