package org.infraadvisor.dialogue;

public record Option(String value, String label) {
}
