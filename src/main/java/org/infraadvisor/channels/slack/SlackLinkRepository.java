package org.infraadvisor.channels.slack;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.H2)
public interface SlackLinkRepository extends CrudRepository<SlackLink, Long> {

    Optional<SlackLink> findByTeamIdAndChannelIdAndUserId(String teamId, String channelId, String userId);
}
