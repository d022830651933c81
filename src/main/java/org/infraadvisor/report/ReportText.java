package org.infraadvisor.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/** Words and number formats shared by every report format, so that Markdown, HTML and PDF say the same. */
final class ReportText {

    private static final Map<String, String> STRATEGIES = Map.of(
            "cloud-first", "Cloud-first", "hybrid", "Hybrid", "on-prem", "On-premises");
    private static final Map<String, String> READINESS = Map.of(
            "ready", "Ready", "gap", "Gap", "blocker", "Blocker");

    private ReportText() {
    }

    static String strategy(String id) {
        if (id == null || id.isBlank()) {
            return "No strategy";
        }
        return STRATEGIES.getOrDefault(id, capitalize(id.replace('-', ' ')));
    }

    static String readiness(String status) {
        return status == null ? "" : READINESS.getOrDefault(status, capitalize(status));
    }

    static String pillar(String pillar) {
        return pillar == null ? "" : capitalize(pillar.replace('-', ' '));
    }

    static String severity(String severity) {
        return severity == null ? "" : capitalize(severity);
    }

    static String percent(double fraction) {
        return Math.round(fraction * 100) + "%";
    }

    /** US dollars, whole: {@code $1,234,567}. */
    static String usd(double value) {
        return "$" + new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }

    /** Short dollars for chart labels: {@code $1.2M}, {@code $850k}. */
    static String usdShort(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return "$" + oneDecimal(value / 1e9) + "B";
        }
        if (abs >= 1e6) {
            return "$" + oneDecimal(value / 1e6) + "M";
        }
        if (abs >= 1e3) {
            return "$" + Math.round(value / 1e3) + "k";
        }
        return "$" + Math.round(value);
    }

    static String number(double value) {
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }

    private static String oneDecimal(double v) {
        return new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(Locale.US)).format(v);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
