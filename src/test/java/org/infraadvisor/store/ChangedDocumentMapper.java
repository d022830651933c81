package org.infraadvisor.store;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.infraadvisor.advice.Advice;
import org.infraadvisor.document.DocumentMapper;
import org.infraadvisor.document.RecommendationDocument.RuleText;

import java.util.Locale;

/** A later version of the API document (in the environment {@code changed-document}): rule names read in capitals. */
@Singleton
@Requires(env = ChangedDocumentMapper.ENVIRONMENT)
@Replaces(DocumentMapper.class)
class ChangedDocumentMapper extends DocumentMapper {

    static final String ENVIRONMENT = "changed-document";

    @Override
    protected RuleText ruleText(Advice.RuleRef r) {
        RuleText text = super.ruleText(r);
        return new RuleText(text.name().toUpperCase(Locale.ROOT), text.description(), text.rationale(), text.file());
    }
}
