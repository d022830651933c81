package org.infraadvisor.document;

import io.micronaut.serde.annotation.SerdeImport;
import org.infraadvisor.dialogue.DialogueState;
import org.infraadvisor.dialogue.Option;

/** Core types that the public documents include as they are; the core itself carries no serialization annotations. */
@SerdeImport(DialogueState.Progress.class)
@SerdeImport(Option.class)
final class CoreTypes {

    private CoreTypes() {
    }
}
