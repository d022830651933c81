package org.infraadvisor.store;

import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.migration.JavaMigration;
import org.infraadvisor.engine.RuleSetHolder;

/**
 * The migrations written in Java, for the default datasource (Micronaut Flyway adds a {@code JavaMigration[]} bean
 * named after the datasource to the SQL migrations in {@code db/migration}).
 */
@Factory
class StoreMigrations {

    @Singleton
    @Named("default")
    JavaMigration[] javaMigrations(JsonMapper json, AnswerCodec answers, AdviceSnapshotCodec snapshots, RuleSetHolder rules) {
        return new JavaMigration[]{new V5__AdviceSnapshots(json, answers, snapshots, rules::current), new V9__ConversationShareTokens()};
    }
}
