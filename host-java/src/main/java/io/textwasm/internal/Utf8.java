package io.textwasm.internal;

import java.nio.charset.StandardCharsets;

/**
 * Java strings to UTF-8. Java strings may hold unpaired surrogates, which UTF-8 cannot encode:
 * each becomes U+FFFD (the JDK's own encoder would write '?', which is why we do not use it
 * for strings that contain surrogates). One UTF-16 unit stays one unit, so offsets the core
 * reports in UTF-16 units are indices into the caller's string.
 */
public final class Utf8 {
    private Utf8() {}

    public static byte[] encode(CharSequence cs) {
        return encode(cs.toString(), 0, cs.length());
    }

    public static byte[] encode(String s, int from, int to) {
        String part = (from == 0 && to == s.length()) ? s : s.substring(from, to);
        byte[] b = part.getBytes(StandardCharsets.UTF_8);
        // The JDK encodes an unpaired surrogate as '?', so equal lengths prove the text is ASCII
        // only when there is no '?' at all; otherwise look for surrogates in the string.
        if (b.length == part.length() && indexOf(b, (byte) '?') < 0) {
            return b; // ASCII: the common case, done by the JDK's intrinsic
        }
        for (int i = 0; i < part.length(); i++) {
            if (Character.isSurrogate(part.charAt(i))) {
                return encodeWithSurrogates(part);
            }
        }
        return b;
    }

    private static int indexOf(byte[] b, byte v) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] encodeWithSurrogates(String s) {
        byte[] out = new byte[s.length() * 3];
        int o = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                cp = 0xFFFD;
            }
            o = put(out, o, cp);
        }
        return java.util.Arrays.copyOf(out, o);
    }

    /**
     * UTF-8 to a string, replacing each maximal subpart of an ill-formed sequence (Unicode §3.9,
     * the WHATWG decoder's rule) with U+FFFD, as the module's lossy mode does. The JDK's decoder
     * does not always: it gives one U+FFFD for an encoded surrogate (ED A0 80), where maximal
     * subparts give three, so text it decodes would not match the module's offsets and counts.
     */
    public static String decodeLossy(byte[] b, int off, int len) {
        StringBuilder out = new StringBuilder(len);
        int end = off + len;
        int i = off;
        while (i < end) {
            int b0 = b[i] & 0xFF;
            if (b0 < 0x80) {
                out.append((char) b0);
                i++;
                continue;
            }
            int next = sequenceEnd(b, i, end);
            if (next < 0) {
                out.append('\uFFFD'); // the maximal subpart b[i, -next)
                i = -next;
                continue;
            }
            int cp = b0 & (0x7F >> (next - i));
            for (int k = i + 1; k < next; k++) {
                cp = cp << 6 | (b[k] & 0x3F);
            }
            out.appendCodePoint(cp);
            i = next;
        }
        return out.toString();
    }

    /**
     * Table 3-7 of the Unicode Standard for the sequence that starts with the non-ASCII byte
     * {@code b[i]} (input ends at {@code end}): the end of that sequence when it is well-formed, or
     * else minus the end of its maximal subpart (at least {@code i + 1}): no overlong forms, no
     * surrogates, nothing above U+10FFFF.
     */
    public static int sequenceEnd(byte[] b, int i, int end) {
        int b0 = b[i] & 0xFF;
        int need; // continuation bytes
        int lo = 0x80; // the range of the first of them
        int hi = 0xBF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            need = 1;
        } else if (b0 >= 0xE0 && b0 <= 0xEF) {
            need = 2;
            lo = b0 == 0xE0 ? 0xA0 : 0x80;
            hi = b0 == 0xED ? 0x9F : 0xBF;
        } else if (b0 >= 0xF0 && b0 <= 0xF4) {
            need = 3;
            lo = b0 == 0xF0 ? 0x90 : 0x80;
            hi = b0 == 0xF4 ? 0x8F : 0xBF;
        } else {
            return -(i + 1);
        }
        int j = i + 1;
        for (int k = 0; k < need; k++, j++) {
            int c = j < end ? b[j] & 0xFF : -1;
            if (c < (k == 0 ? lo : 0x80) || c > (k == 0 ? hi : 0xBF)) {
                return -j;
            }
        }
        return j;
    }

    /** Whether {@code s} holds a surrogate that is not part of a pair (which encoding replaces). */
    public static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static int put(byte[] out, int o, int cp) {
        if (cp < 0x80) {
            out[o++] = (byte) cp;
        } else if (cp < 0x800) {
            out[o++] = (byte) (0xC0 | cp >> 6);
            out[o++] = (byte) (0x80 | cp & 0x3F);
        } else if (cp < 0x10000) {
            out[o++] = (byte) (0xE0 | cp >> 12);
            out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[o++] = (byte) (0x80 | cp & 0x3F);
        } else {
            out[o++] = (byte) (0xF0 | cp >> 18);
            out[o++] = (byte) (0x80 | cp >> 12 & 0x3F);
            out[o++] = (byte) (0x80 | cp >> 6 & 0x3F);
            out[o++] = (byte) (0x80 | cp & 0x3F);
        }
        return o;
    }

    /** UTF-8 length of {@code s[from, to)} as {@link #encode} would produce it, stopping once past {@code cap}. */
    public static long lengthUpTo(String s, int from, int to, long cap) {
        long n = 0;
        for (int i = from; i < to && n <= cap; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
