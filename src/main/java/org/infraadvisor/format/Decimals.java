package org.infraadvisor.format;

/**
 * Fast paths for the few number patterns {@link Readable} uses, giving exactly what {@link java.text.DecimalFormat}
 * gives (half-up rounding of the exact binary value, US grouping) whenever double arithmetic can decide the rounding;
 * when a figure lies too close to a tie they return null (or NaN) and the caller falls back to DecimalFormat or
 * BigDecimal. Rules format numbers in most consequences, and DecimalFormat was a tenth of an evaluation.
 */
final class Decimals {

    /** Above this the fast paths leave the figure to DecimalFormat (the integer part must fit a long exactly). */
    private static final double LIMIT = 1e15;
    /** How close to a tie (in units of the last digit kept) double arithmetic is not trusted to decide. */
    private static final double TIE_MARGIN = 1e-6;
    private static final double[] POWERS = {1, 10, 100};

    private Decimals() {
    }

    /**
     * Like DecimalFormat with {@code #,##0} followed by up to {@code decimals} optional digits (or, with
     * {@code fixed}, exactly that many), rounding half-up.
     *
     * @param decimals 0, 1 or 2
     * @param grouping whether thousands are separated by commas
     * @return the text, or null when the fast path cannot decide the rounding
     */
    static String format(double x, int decimals, boolean fixed, boolean grouping) {
        if (!(Math.abs(x) < LIMIT)) {
            return null;
        }
        boolean negative = x < 0 || (x == 0 && Double.doubleToRawLongBits(x) != 0);
        double a = Math.abs(x);
        long scaled;
        if (decimals == 0) {
            long whole = (long) a;
            scaled = a - whole >= 0.5 ? whole + 1 : whole; // exact: the fraction of a double below 2^52 is exact
        } else {
            double s = a * POWERS[decimals];
            if (s >= LIMIT) {
                return null;
            }
            long n = (long) s;
            double fraction = s - n;
            if (Math.abs(fraction - 0.5) < TIE_MARGIN) {
                return null;
            }
            scaled = fraction > 0.5 ? n + 1 : n;
        }
        long unit = (long) POWERS[decimals];
        long whole = scaled / unit;
        long part = scaled % unit;
        StringBuilder s = new StringBuilder(24);
        if (negative) {
            s.append('-');
        }
        appendWhole(s, whole, grouping);
        if (decimals > 0 && (fixed || part != 0)) {
            s.append('.');
            String digits = Long.toString(part + unit).substring(1); // leading zeros kept: 5 of 100 -> "05"
            if (!fixed) {
                int end = digits.length();
                while (end > 0 && digits.charAt(end - 1) == '0') {
                    end--;
                }
                digits = digits.substring(0, end);
            }
            s.append(digits);
        }
        return s.toString();
    }

    /**
     * A positive figure rounded half-even to {@code digits} significant digits, or NaN when the fast path cannot
     * decide (a tie, or a figure outside 1 .. 10^15).
     */
    static double roundSignificant(double a, int digits) {
        if (!(a >= 1 && a < LIMIT)) {
            return Double.NaN;
        }
        int magnitude = 1;
        double power = 10;
        while (power <= a) {
            power *= 10;
            magnitude++;
        }
        if (magnitude <= digits) {
            return Double.NaN;
        }
        double scale = Math.pow(10, magnitude - digits);
        double q = a / scale;
        long n = (long) q;
        double fraction = q - n;
        if (Math.abs(fraction - 0.5) < TIE_MARGIN) {
            return Double.NaN;
        }
        return (fraction > 0.5 ? n + 1 : n) * scale;
    }

    private static void appendWhole(StringBuilder s, long whole, boolean grouping) {
        String digits = Long.toString(whole);
        if (!grouping) {
            s.append(digits);
            return;
        }
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        s.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            s.append(',').append(digits, i, i + 3);
        }
    }
}
