package org.infraadvisor.format;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast paths give what DecimalFormat and BigDecimal give, or step aside. */
class DecimalsTest {

    private static final String[] PATTERNS = {"#,##0", "#,##0.#", "#,##0.##", "0.00"};

    @Test
    void formatsLikeDecimalFormatOrStepsAside() {
        int decided = 0;
        List<Double> values = values();
        for (String pattern : PATTERNS) {
            DecimalFormat reference = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.US));
            reference.setRoundingMode(RoundingMode.HALF_UP);
            int decimals = pattern.length() - pattern.indexOf('.') - 1;
            boolean fixed = pattern.endsWith("0.00");
            for (double x : values) {
                String fast = Decimals.format(x, pattern.contains(".") ? decimals : 0, fixed, pattern.startsWith("#,"));
                if (fast != null) {
                    decided++;
                    assertEquals(reference.format(x), fast, () -> pattern + " of " + x);
                }
            }
        }
        assertTrue(decided > values.size() * PATTERNS.length * 3 / 4, "the fast path decides most figures (a quarter of the samples are built near ties): " + decided);
    }

    @Test
    void tiesAndHugeFiguresAreLeftToDecimalFormat() {
        assertNull(Decimals.format(0.125, 2, false, true)); // an exact tie
        assertNull(Decimals.format(1e16, 0, false, true));
        assertNull(Decimals.format(Double.NaN, 0, false, true));
        assertEquals("3", Decimals.format(2.5, 0, false, true)); // the integer path decides ties exactly
    }

    @Test
    void roundsToSignificantDigitsLikeBigDecimal() {
        for (double x : values()) {
            double a = Math.abs(x);
            double fast = Decimals.roundSignificant(a, 3);
            if (!Double.isNaN(fast)) {
                assertEquals(new BigDecimal(a).round(new MathContext(3, RoundingMode.HALF_EVEN)).doubleValue(), fast, () -> "3 digits of " + a);
            }
        }
        assertEquals(48_200, Decimals.roundSignificant(48_213, 3));
        assertTrue(Double.isNaN(Decimals.roundSignificant(99_950, 3)), "a tie is left to BigDecimal");
    }

    private static List<Double> values() {
        Random random = new Random(42);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.04, -0.04, 0.5, 1.5, 2.5, -2.5, 9.995, 9.999, 99.95, 0.15, 0.25,
                0.35, 1.005, 12.345, 999.5, 1000.0, 1234567.5, 48_213.0, 3_236_000.0, 949.6, 4.1, 43.16, 1e14 + 0.5));
        for (int i = 0; i < 20_000; i++) {
            double magnitude = Math.pow(10, random.nextInt(14) - 2);
            double x = switch (i % 4) {
                case 0 -> random.nextDouble() * magnitude;
                case 1 -> Math.round(random.nextDouble() * 100_000) / 1000.0 * magnitude; // figures with few decimals, near ties
                case 2 -> (random.nextInt(2000) + 0.5) / 100.0;
                default -> -random.nextDouble() * magnitude;
            };
            values.add(x);
        }
        return values;
    }
}
