package org.infraadvisor.knowledge;

import org.infraadvisor.facts.Accelerator;

import java.util.Set;

/**
 * A score adjustment for one accelerator, with the reason a reader sees.
 *
 * @param placement where it applies: {@code any}, {@code on-prem} (owned) or {@code cloud} (rented)
 * @param category  {@code software}, {@code placement}, {@code facility} or {@code skills} name a fit that may lift a
 *                  dearer, slower option above a better one; {@code scale} (how devices work together) never does
 */
public record Fit(Accelerator accelerator, String placement, int points, String category, String reason) {

    public static final Set<String> CATEGORIES = Set.of("software", "placement", "facility", "skills", "scale");
    public static final Set<String> NAMED = Set.of("software", "placement", "facility", "skills");

    public Fit {
        if (!CATEGORIES.contains(category)) {
            throw new IllegalArgumentException("unknown fit category '" + category + "'; expected one of " + CATEGORIES);
        }
    }

    public Fit(Accelerator accelerator, int points, String category, String reason) {
        this(accelerator, "any", points, category, reason);
    }

    public Accelerator getAccelerator() { return accelerator; }
    public String getPlacement() { return placement; }
    public int getPoints() { return points; }
    public String getCategory() { return category; }

    public boolean appliesTo(String where) {
        return "any".equals(placement) || placement.equals(where);
    }

    public boolean isNamed() {
        return NAMED.contains(category);
    }
}
