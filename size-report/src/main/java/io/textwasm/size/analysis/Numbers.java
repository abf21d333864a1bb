package io.textwasm.size.analysis;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Number formatting shared by the budget messages and the emitters. Written by hand instead of
 * with {@code String.format("%,d")} so that output never depends on the JVM's default locale,
 * which golden files would otherwise pick up.
 */
public final class Numbers {
    private Numbers() {}

    /** {@code 15912} as {@code 15,912}. */
    public static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder sb = new StringBuilder();
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return (n < 0 ? "-" : "") + sb;
    }

    /** {@code 15,912 B}. */
    public static String bytes(long n) {
        return grouped(n) + " B";
    }

    /** {@code +552 B}, {@code -12 B}, {@code 0 B}. */
    public static String signedBytes(long n) {
        return (n > 0 ? "+" : "") + grouped(n) + " B";
    }

    /** {@code part / whole} as a percentage with one decimal, {@code 3.6}; null if whole is 0. */
    public static BigDecimal percent(long part, long whole, int decimals) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), decimals, RoundingMode.HALF_UP);
    }

    /** {@code 3.6%}, or {@code -} when there is no whole to compare with. */
    public static String share(long part, long whole) {
        BigDecimal p = percent(part, whole, 1);
        return p == null ? "-" : p.toPlainString() + "%";
    }

    /** {@code +3.6%}, {@code -1.0%}; {@code new} when growing from nothing. */
    public static String signedPercent(long delta, long base) {
        BigDecimal p = percent(delta, base, 1);
        if (p == null) {
            return delta == 0 ? "0.0%" : "new";
        }
        return (p.signum() > 0 ? "+" : "") + p.toPlainString() + "%";
    }

    /** {@code 1 function}, {@code 2 functions}: {@code plural} is given because English is irregular. */
    public static String count(long n, String singular, String plural) {
        return grouped(n) + " " + (n == 1 ? singular : plural);
    }
}
