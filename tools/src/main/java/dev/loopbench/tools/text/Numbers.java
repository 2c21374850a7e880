package dev.loopbench.tools.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How tables and reports write numbers: few digits, no exponents, the same in every locale. */
public final class Numbers {

    private static final MathContext SIGNIFICANT_DIGITS = new MathContext(4);
    private static final double WHOLE_NUMBERS_FROM = 1000;

    private Numbers() {
    }

    /** Four significant digits, or a whole number from 1000 up: {@code 0.8123}, {@code 12.35}, {@code 3467631}. */
    public static String score(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (Math.abs(value) >= WHOLE_NUMBERS_FROM) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return new BigDecimal(value).round(SIGNIFICANT_DIGITS).stripTrailingZeros().toPlainString();
    }

    /** A signed percentage with one decimal, {@code +25.1%}; {@code n/a} for NaN. */
    public static String signedPercent(double percent) {
        return Double.isNaN(percent) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", percent);
    }

    /** A factor with two decimals, {@code 3.25x}; empty for NaN, so that an absent ratio leaves its cell blank. */
    public static String times(double factor) {
        return Double.isNaN(factor) ? "" : String.format(Locale.ROOT, "%.2fx", factor);
    }

    /** The shortest exact form, {@code 10} rather than {@code 10.0}: for settings the user typed. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
