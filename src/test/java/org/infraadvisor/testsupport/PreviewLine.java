package org.infraadvisor.testsupport;

import org.infraadvisor.document.ConversationView;

import java.util.Locale;
import java.util.Map;

/**
 * The "So far" line a business reader should see for a preview, worked out here independently of the product's
 * formatter: strategy names, thousands separators, whole percentages.
 */
public final class PreviewLine {

    public static final Map<String, String> STRATEGY_NAMES = Map.of("cloud-first", "Cloud-first", "hybrid", "Hybrid", "on-prem", "On-premises");
    /** Any line the advisor may show: no ids, no raw fractions. */
    public static final String PATTERN = "So far: (Cloud-first|Hybrid|On-premises|No strategy yet)( · [\\d,]+ × \\S.*)?( · \\d{1,3}% sure)?";

    private PreviewLine() {
    }

    public static String expected(ConversationView.Preview p) {
        StringBuilder text = new StringBuilder("So far: ").append(p.strategy() == null ? "No strategy yet" : STRATEGY_NAMES.get(p.strategy()));
        if (p.accelerator() != null) {
            text.append(" · ").append(String.format(Locale.US, "%,d", p.accelerator().count())).append(" × ")
                    .append(p.accelerator().vendor()).append(' ').append(p.accelerator().model());
        }
        if (p.strategy() != null) {
            text.append(" · ").append(Math.round(p.confidence() * 100)).append("% sure");
        }
        return text.toString();
    }
}
