package io.textwasm.testkit;

/**
 * UTF-8 decoding with "U+FFFD substitution of maximal subparts" exactly as the Unicode Standard
 * (16.0, §3.9, Table 3-7) recommends and the WHATWG Encoding Standard requires: at an
 * ill-formed position, the longest prefix of a well-formed sequence becomes one U+FFFD, or a
 * single byte when there is no such prefix.
 *
 * <p>Why not just {@code new String(bytes, UTF_8)}: the JDK (checked on 17) follows this practice
 * except for encoded surrogates. It takes "ED A0..BF" as the start of a 3-byte sequence and
 * rejects it whole, so ED B0 41 gives one U+FFFD where the standard gives two (ED may only be
 * followed by 80..9F). The tests use this decoder as the oracle and check that the JDK agrees
 * everywhere else.
 */
public final class Utf8Reference {
    private Utf8Reference() {}

    public static String decodeLossy(byte[] b) {
        StringBuilder out = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int b0 = b[i] & 0xFF;
            if (b0 < 0x80) {
                out.append((char) b0);
                i++;
                continue;
            }
            int len;
            int lo = 0x80;
            int hi = 0xBF;
            if (b0 >= 0xC2 && b0 <= 0xDF) {
                len = 2;
            } else if (b0 >= 0xE0 && b0 <= 0xEF) {
                len = 3;
                lo = b0 == 0xE0 ? 0xA0 : 0x80;
                hi = b0 == 0xED ? 0x9F : 0xBF;
            } else if (b0 >= 0xF0 && b0 <= 0xF4) {
                len = 4;
                lo = b0 == 0xF0 ? 0x90 : 0x80;
                hi = b0 == 0xF4 ? 0x8F : 0xBF;
            } else {
                out.append('\uFFFD');
                i++;
                continue;
            }
            int cp = b0 & (0xFF >> (len + 1));
            int j = i + 1;
            boolean ok = true;
            for (int k = 1; k < len; k++, j++) {
                int bk = j < b.length ? b[j] & 0xFF : -1;
                int min = k == 1 ? lo : 0x80;
                int max = k == 1 ? hi : 0xBF;
                if (bk < min || bk > max) {
                    ok = false;
                    break;
                }
                cp = cp << 6 | (bk & 0x3F);
            }
            if (ok) {
                out.appendCodePoint(cp);
            } else {
                out.append('\uFFFD');
            }
            i = j; // past the maximal subpart (at least one byte)
        }
        return out.toString();
    }

    /** Whether the bytes contain ED A0..BF, where the JDK's lossy decoding departs from the standard. */
    public static boolean hasEncodedSurrogatePrefix(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xED && (b[i + 1] & 0xFF) >= 0xA0 && (b[i + 1] & 0xFF) <= 0xBF) {
                return true;
            }
        }
        return false;
    }
}
