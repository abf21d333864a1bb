package io.textwasm.testkit;

import java.util.List;

/** Code-point notation for test failures: "U+0041 U+030A", so invisible differences are visible. */
public final class Cps {
    private Cps() {}

    /** Each code point as U+XXXX; unpaired surrogates show as themselves (U+D800). */
    public static String escape(CharSequence s) {
        if (s == null) {
            return "(null)";
        }
        if (s.length() == 0) {
            return "(empty)";
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(String.format("U+%04X", cp));
        });
        return b.toString();
    }

    /** The standard failure message: what went in, what should have come out, what did. */
    public static String diff(String what, CharSequence given, CharSequence expected, CharSequence actual) {
        return what + "\n  given:    " + escape(given) + "\n  expected: " + escape(expected) + "\n  actual:   " + escape(actual);
    }

    /** A string from hex code points, as the UCD test files write them ("0044", "0307"). */
    public static String fromHex(List<?> hex) {
        StringBuilder b = new StringBuilder();
        for (Object h : hex) {
            b.appendCodePoint(Integer.parseInt(h.toString().trim(), 16));
        }
        return b.toString();
    }

    /** A string from code points. */
    public static String of(int... cps) {
        return new String(cps, 0, cps.length);
    }

    /** Unpaired surrogates replaced by U+FFFD: how the engine documents it reads Java strings. */
    public static String replaceUnpairedSurrogates(CharSequence s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (b != null) {
                    b.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
                b.append('\uFFFD');
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s.toString() : b.toString();
    }

    /** Whether {@code i} is a UTF-16 index that does not split a surrogate pair. */
    public static boolean isCodePointBoundary(CharSequence s, int i) {
        return i <= 0 || i >= s.length() || !(Character.isHighSurrogate(s.charAt(i - 1)) && Character.isLowSurrogate(s.charAt(i)));
    }

    /** Every Unicode scalar value (U+0000..U+10FFFF minus surrogates): 1,112,064 of them. */
    public static int[] allScalarValues() {
        int[] out = new int[0x110000 - 0x800];
        int n = 0;
        for (int cp = 0; cp < 0x110000; cp++) {
            if (cp < 0xD800 || cp > 0xDFFF) {
                out[n++] = cp;
            }
        }
        return out;
    }
}
