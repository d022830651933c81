package org.infraadvisor.store;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;

public interface RulesCacheDigestRepository extends CrudRepository<RulesCacheDigestRecord, String> {

    boolean existsBySha256AndCacheKey(String sha256, String cacheKey);

    void deleteByRecordedAtLessThan(Instant cutoff);

    @JdbcRepository(dialect = Dialect.H2)
    @Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.H2)
    interface OnH2 extends RulesCacheDigestRepository {
    }

    @JdbcRepository(dialect = Dialect.POSTGRES)
    @Requires(property = StoreDialect.PROPERTY, pattern = StoreDialect.POSTGRES)
    interface OnPostgres extends RulesCacheDigestRepository {
    }
}
