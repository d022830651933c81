package org.infraadvisor.authoring;

import io.micronaut.serde.annotation.SerdeImport;
import org.infraadvisor.dialogue.DefinitionProblem;

/** Core types the verify report includes as they are; the core itself carries no serialization annotations. */
@SerdeImport(DefinitionProblem.class)
final class CoreTypes {

    private CoreTypes() {
    }
}
