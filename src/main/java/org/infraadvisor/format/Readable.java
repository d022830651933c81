package org.infraadvisor.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that turns numbers, money, units, ids and answers into what a business reader sees: thousands
 * separators, rounding to what the figure can carry, prices that say what they count, names as their owners write
 * them. The API, the reports, Slack, what-if and the rules (as DRL functions) all call it.
 */
public final class Readable {

    public static final String UNKNOWN_ANSWER = "I don't know";
    private static final String FINE_TUNES_ONLY = "only fine-tunes the details; it won’t change the headline advice";
    /** What marks a question that can no longer change the strategy or the accelerator, for a business reader. */
    public static final String REFINEMENT = "Refinement: " + FINE_TUNES_ONLY;

    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);
    private static final ThreadLocal<Map<String, DecimalFormat>> FORMATS = ThreadLocal.withInitial(() -> new HashMap<>(8));

    private static final Map<String, String> PROVIDERS = Map.of(
            "aws", "AWS", "azure", "Microsoft Azure", "gcp", "Google Cloud", "oci", "Oracle Cloud (OCI)",
            "gpu-cloud", "a specialised GPU cloud", "on-prem", "your own data centre");
    private static final Map<String, String> STRATEGIES = Map.of(
            "cloud-first", "Cloud-first", "hybrid", "Hybrid", "on-prem", "On-premises");
    private static final Map<String, String> READINESS = Map.of("ready", "Ready", "gap", "Gap", "blocker", "Blocker");

    /** From here up a number is written in powers of ten: a million billion (10^15). */
    private static final double BEYOND_WORDS = 1e15;
    private static final List<String> MULTIPLIERS = List.of("thousand", "million", "billion", "trillion");

    private Readable() {
    }

    /**
     * 1,234 / 12.3 / 0.12 / 0.0034: whole above 100, then one, two or two significant digits; "n/a" for NaN; from a
     * million billion up in powers of ten ("2.1 × 10^21"), as a row of 22 digits reads as nothing.
     */
    public static String number(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        if (a >= BEYOND_WORDS) {
            return scientific(x);
        }
        if (a >= 100 || a == 0) {
            return format(x, "#,##0", 0, false);
        }
        if (a >= 10) {
            return format(x, "#,##0.#", 1, false);
        }
        if (a >= 0.1) {
            return format(x, "#,##0.##", 2, false);
        }
        return new BigDecimal(x).round(new MathContext(2, RoundingMode.HALF_EVEN)).stripTrailingZeros().toPlainString();
    }

    /**
     * A figure as data, rounded to what it can carry, for clients that format it themselves: whole above 100, one
     * decimal above 10, else three significant digits; four significant digits from a billion up
     * (34,722.2222 → 34722, 49.63 → 49.6, 0.123456 → 0.123, 3.2856e24 → 3.286e24).
     */
    public static double rounded(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x) || x == 0) {
            return x;
        }
        double a = Math.abs(x);
        if (a >= 1e9) {
            return new BigDecimal(x).round(new MathContext(4, RoundingMode.HALF_UP)).doubleValue();
        }
        if (a >= 100) {
            return Math.round(x);
        }
        if (a >= 10) {
            return Math.round(x * 10) / 10.0;
        }
        return new BigDecimal(x).round(new MathContext(3, RoundingMode.HALF_UP)).doubleValue();
    }

    /**
     * A number as given, with thousands separators and every digit it carries up to fifteen significant ones, for
     * messages that must not round (a refused answer, a limit): "10,000,000,000", "0.001", "2.5".
     */
    public static String exact(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "n/a";
        }
        BigDecimal d = new BigDecimal(x).round(new MathContext(15, RoundingMode.HALF_EVEN)).stripTrailingZeros();
        return pattern(d.scale() > 0 ? "#,##0." + "#".repeat(d.scale()) : "#,##0").format(d);
    }

    /** A whole number with thousands separators, every digit: "9,223,372,036,854,775,807". */
    public static String exact(long n) {
        return pattern("#,##0").format(n);
    }

    /**
     * A number with its unit: "200,000 requests/day", "3,472 tokens/s", "1 device" (one of a thing is singular); a figure
     * in percent as {@link #percent}: "58%"; a share as a percentage of what it is a share of ("share of hours" →
     * "25% of hours"); dollars as {@link #money} with what they are per ("USD/kWh" → "$0.10 per kWh"); a factor with
     * a times sign ("x 8-bit throughput" → "1.5 × 8-bit throughput").
     */
    public static String quantity(double x, String unit) {
        if ("%".equals(unit)) {
            return percent(x / 100);
        }
        if (unit == null || unit.isBlank()) {
            return number(x);
        }
        if (unit.startsWith("share ")) {
            return percent(x) + unit.substring("share".length());
        }
        if (unit.startsWith("USD")) {
            String per = unit.substring("USD".length()).strip();
            return money(x) + (per.isEmpty() ? "" : per.startsWith("/") ? " per " + per.substring(1).strip() : " " + per);
        }
        if (unit.startsWith("x ")) {
            return times(x, unit.substring(2));
        }
        String n = number(x);
        return n + " " + ("1".equals(n) ? singular(unit) : unit);
    }

    /**
     * A unit for one of it: the noun it counts made singular ("bytes per parameter" → "byte per parameter", "model
     * copies" → "model copy", "tokens/s" → "token/s"); a count of millions or billions stays plural ("billion parameters").
     */
    static String singular(String unit) {
        int end = unit.length();
        int per = unit.indexOf(" per ");
        int slash = unit.indexOf('/');
        if (per >= 0) {
            end = per;
        }
        if (slash >= 0 && slash < end) {
            end = slash;
        }
        String head = unit.substring(0, end);
        int space = head.lastIndexOf(' ');
        String before = space < 0 ? "" : head.substring(0, space).strip();
        String word = head.substring(space + 1);
        if (MULTIPLIERS.contains(before.substring(before.lastIndexOf(' ') + 1)) || word.length() < 4 || !word.endsWith("s")
                || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) {
            return unit;
        }
        String one = word.endsWith("ies") ? word.substring(0, word.length() - 3) + "y"
                : word.endsWith("ches") || word.endsWith("shes") || word.endsWith("xes") ? word.substring(0, word.length() - 2)
                : word.substring(0, word.length() - 1);
        return head.substring(0, space + 1) + one + unit.substring(end);
    }

    /** A catalogue figure as a reader sees it, by its label, never its key: "Electricity price: $0.10 per kWh". */
    public static String assumption(String label, double value, String unit) {
        return (label == null || label.isBlank() ? "" : label + ": ") + quantity(value, unit);
    }

    /** A count with the right noun: "1 device", "8 devices". */
    public static String count(double n, String singular, String plural) {
        return number(n) + " " + (n == 1 ? singular : plural);
    }

    /** Large figures in a few characters, for charts and summaries: 950, 12k, 3.4M, 5.6B, 7.8T. */
    public static String compact(double x) {
        double a = Math.abs(x);
        if (Double.isNaN(x)) {
            return "n/a";
        }
        // a figure that rounds up to the next unit is written in it: 999,600 → 1M, not 1000k
        if (a >= 999.95e9) {
            return oneDecimal(x / 1e12) + "T";
        }
        if (a >= 999.95e6) {
            return oneDecimal(x / 1e9) + "B";
        }
        if (a >= 999.5e3) {
            return oneDecimal(x / 1e6) + "M";
        }
        if (a >= 1e4) {
            return Math.round(x / 1e3) + "k";
        }
        return number(x);
    }

    /** Figures too large for words, in powers of ten: 3.2856e24 → "3.3 × 10^24"; ordinary sizes as {@link #number}. */
    public static String scientific(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return "n/a";
        }
        double a = Math.abs(x);
        if (a < 1e6) {
            return number(x);
        }
        int exponent = (int) Math.floor(Math.log10(a));
        double mantissa = x / Math.pow(10, exponent);
        if (Math.abs(Math.round(mantissa * 10) / 10.0) >= 10) {
            mantissa /= 10;
            exponent++;
        }
        return oneDecimal(mantissa) + " × 10^" + exponent;
    }

    /** US dollars: "$4.10" under ten dollars, "$950", "$48,200", "$3,240,000" (three significant digits above 1,000). */
    public static String money(double usd) {
        if (Double.isNaN(usd)) {
            return "n/a";
        }
        double a = Math.abs(usd);
        String sign = usd < 0 ? "-" : "";
        if (a < 10) {
            return sign + "$" + format(a, "0.00", 2, true);
        }
        if (a < 1000) {
            return sign + "$" + format(a, "#,##0", 0, false);
        }
        double rounded = Decimals.roundSignificant(a, 3);
        if (Double.isNaN(rounded)) {
            rounded = new BigDecimal(a).round(new MathContext(3, RoundingMode.HALF_EVEN)).doubleValue();
        }
        return sign + "$" + format(rounded, "#,##0", 0, false);
    }

    /** Dollars in a few characters, for charts: "$850k", "$1.2M". */
    public static String moneyShort(double usd) {
        if (Double.isNaN(usd)) {
            return "n/a";
        }
        return Math.abs(usd) < 1e4 ? money(usd) : (usd < 0 ? "-$" : "$") + compact(Math.abs(usd));
    }

    /** A price with what it counts: "~$43/h for 1 × 8-GPU instance", built by {@link #price}. */
    public static String price(double usd, String per) {
        return money(usd) + "/" + per;
    }

    /** A rented price that names its unit: {@code rented(1, "8-GPU instance", 43.2)} → "1 × 8-GPU instance, ~$43/h". */
    public static String rented(int units, String unit, double usdPerHour) {
        return times(units, unit) + ", ~" + price(usdPerHour, "h");
    }

    /** How many of a thing, with thousands separators: {@code times(37824, "TPU v6e")} → "37,824 × TPU v6e". */
    public static String times(double n, String what) {
        return number(n) + " \u00d7 " + what;
    }

    /**
     * A price per device-hour that names the device, with a dagger when it is unconfirmed:
     * {@code perDeviceHour(4.78, "GPU", true)} → "~$4.78† per GPU-hour".
     */
    public static String perDeviceHour(double usd, String device, boolean unconfirmed) {
        return "~" + money(usd) + (unconfirmed ? "\u2020" : "") + " per " + device + "-hour";
    }

    /**
     * How devices are bought or rented together: {@code unit(8, "GPU", "server")} → "8-GPU server"; a unit of one is
     * the device itself.
     */
    public static String unit(double devices, String device, String group) {
        return devices <= 1 ? device : number(devices) + "-" + device + " " + group;
    }

    /** What one device of a software stack is called where it is priced: a GPU, a TPU or Trainium chip, a CPU socket. */
    public static String device(String softwareStack) {
        return switch (softwareStack == null ? "" : softwareStack) {
            case "xla", "neuron" -> "chip";
            case "gaudi" -> "accelerator";
            case "cpu" -> "socket";
            default -> "GPU";
        };
    }

    /** A share as a whole percentage: 0.623 → "62%"; a share above nothing that rounds to nothing, "under 1%". */
    public static String percent(double share) {
        if (Double.isNaN(share)) {
            return "n/a";
        }
        if (share > 0 && share < 0.005) {
            return "under 1%";
        }
        return Math.round(share * 100) + "%";
    }

    /** A cloud provider (or placement) as its owner writes it: "aws" → "AWS", "gcp" → "Google Cloud". */
    public static String provider(String id) {
        return id == null ? "" : PROVIDERS.getOrDefault(id, id);
    }

    /** Several providers: "AWS, Microsoft Azure and Google Cloud". */
    public static String providers(Collection<String> ids) {
        return list(ids.stream().map(Readable::provider).toList());
    }

    /** A strategy as a heading: "Cloud-first", "Hybrid", "On-premises". */
    public static String strategy(String id) {
        if (id == null || id.isBlank()) {
            return "No strategy";
        }
        return STRATEGIES.getOrDefault(id, capitalize(id.replace('-', ' ')));
    }

    /** A readiness status as a label: "Ready", "Gap", "Blocker". */
    public static String readiness(String status) {
        return status == null ? "" : READINESS.getOrDefault(status, capitalize(status));
    }

    /** A readiness pillar as a heading: "data-pipelines" → "Data pipelines". */
    public static String pillar(String pillar) {
        return pillar == null ? "" : capitalize(pillar.replace('-', ' '));
    }

    /** A risk severity as a label: "high" → "High". */
    public static String severity(String severity) {
        return severity == null ? "" : capitalize(severity);
    }

    /** "a", "a and b", "a, b and c". */
    public static String list(List<String> items) {
        return joined(items, " and ");
    }

    /** "a", "a or b", "a, b or c". */
    public static String alternatives(List<String> items) {
        return joined(items, " or ");
    }

    private static String joined(List<String> items, String last) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + last + items.get(items.size() - 1);
    }

    /**
     * The advice for the answers so far, in one line: "So far: Hybrid · 18 × AMD Instinct MI300X · 63% sure";
     * "So far: No strategy yet" while the rules recommend none.
     *
     * @param accelerator the top accelerator as its maker names it ("AMD Instinct MI300X"), or null
     */
    public static String soFar(String strategy, String accelerator, int count, double confidence) {
        StringBuilder line = new StringBuilder("So far: ").append(strategy == null ? "No strategy yet" : strategy(strategy));
        if (accelerator != null) {
            line.append(" · ").append(times(count, accelerator));
        }
        if (strategy != null) {
            line.append(" · ").append(percent(confidence)).append(" sure");
        }
        return line.toString();
    }

    /**
     * What answering a question left open could change: "Could change the strategy to Hybrid or On-premises and the
     * accelerator to 8 × NVIDIA H200.", or that it only fine-tunes the details.
     *
     * @param strategies   the other strategies (ids) some answer would lead to
     * @param accelerators the other accelerators some answer would lead to, as {@link #times} writes them
     */
    public static String couldChange(List<String> strategies, List<String> accelerators) {
        List<String> changes = new ArrayList<>(2);
        if (!strategies.isEmpty()) {
            changes.add("the strategy to " + alternatives(strategies.stream().map(Readable::strategy).toList()));
        }
        if (!accelerators.isEmpty()) {
            changes.add("the accelerator to " + alternatives(accelerators));
        }
        return changes.isEmpty() ? capitalize(FINE_TUNES_ONLY) + "."
                : "Could change " + list(changes) + ".";
    }

    /**
     * An answer as the user would recognise it: the option labels, the number with the question's unit, Yes/No,
     * the text itself, or "I don't know".
     */
    public static String answer(AnswerWording q, Object value) {
        if (value == null || "unknown".equals(value)) {
            return UNKNOWN_ANSWER;
        }
        if (value instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        if (value instanceof Number n) {
            return q == null ? number(n.doubleValue()) : quantity(n.doubleValue(), q.unit());
        }
        if (value instanceof Collection<?> values) {
            return String.join(", ", values.stream().map(v -> label(q, String.valueOf(v))).toList());
        }
        String s = String.valueOf(value);
        if (q != null && q.yesNo()) {
            return Boolean.parseBoolean(s) ? "Yes" : "No";
        }
        return label(q, s);
    }

    public static String capitalize(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String label(AnswerWording q, String value) {
        return q == null ? value : q.labelOf(value);
    }

    private static String oneDecimal(double v) {
        return format(v, "#,##0.#", 1, false);
    }

    /** The figure as the pattern formats it (fixed: as many decimals as the pattern's zeros; grouping: "#,##0"). */
    private static String format(double x, String pattern, int decimals, boolean fixed) {
        String fast = Decimals.format(x, decimals, fixed, pattern.startsWith("#,"));
        return fast != null ? fast : pattern(pattern).format(x);
    }

    /**
     * The thread's own formatter for a pattern: a DecimalFormat is not thread-safe, and making one (parsing the
     * pattern) costs more than formatting with it; rules format numbers in nearly every consequence.
     */
    private static DecimalFormat pattern(String pattern) {
        return FORMATS.get().computeIfAbsent(pattern, p -> {
            DecimalFormat f = new DecimalFormat(p, US);
            f.setRoundingMode(RoundingMode.HALF_UP);
            return f;
        });
    }
}
