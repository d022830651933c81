package org.infraadvisor.facts;

/** A risk or conflict the user should know about; severity is {@code high}, {@code medium} or {@code low}. */
public class Risk {

    /** The severities the API enumerates, most severe first. */
    public static final java.util.List<String> SEVERITIES = java.util.List.of("high", "medium", "low");
    private final String severity;
    private final String title;
    private final String detail;

    public Risk(String severity, String title, String detail) {
        this.severity = severity;
        this.title = title;
        this.detail = detail;
    }

    public String getSeverity() {
        return severity;
    }

    public String getTitle() {
        return title;
    }

    public String getDetail() {
        return detail;
    }

    @Override
    public String toString() {
        return "Risk" + "(" + severity + ", " + title + ", " + detail + ")";
    }
}
