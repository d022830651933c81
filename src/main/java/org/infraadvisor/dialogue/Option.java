package org.infraadvisor.dialogue;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
public record Option(String value, String label) {
}
