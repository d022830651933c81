package org.infraadvisor.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.H2)
public interface AnswerRepository extends CrudRepository<AnswerRecord, Long> {

    List<AnswerRecord> findByConversationIdOrderByAnsweredAt(String conversationId);

    void deleteByConversationIdAndQuestionIn(String conversationId, Collection<String> questions);
}
