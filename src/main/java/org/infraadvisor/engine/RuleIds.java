package org.infraadvisor.engine;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Stable rule ids: a rule's {@code @id(...)} when it has one, otherwise {@code <file stem>.<slug of the name>}
 * (e.g. {@code cloud-commitment.an-existing-cloud-commitment-favours-that-cloud}). An {@code @id} keeps the id when
 * the rule is renamed or moved; clients and stored advice refer to rules by it.
 */
public final class RuleIds {

    private RuleIds() {
    }

    /** @param file the rule's file as reported (e.g. {@code rules/strategy/budget.drl}), or null when unknown */
    public static String of(String explicitId, String name, String file) {
        if (explicitId != null && !explicitId.isBlank()) {
            return explicitId.strip();
        }
        return stem(file) + "." + slug(name);
    }

    /** "Add up the strategy votes" → {@code add-up-the-strategy-votes}; accents are dropped, other signs become dashes. */
    public static String slug(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "rule" : slug;
    }

    static String stem(String file) {
        if (file == null || file.isBlank()) {
            return "rules";
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
