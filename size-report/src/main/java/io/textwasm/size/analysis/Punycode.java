package io.textwasm.size.analysis;

/**
 * RFC 3492 decoding, as Rust v0 uses it for non-ASCII identifiers (with {@code _} in place of
 * the RFC's {@code -} delimiter, which the caller already split on).
 */
final class Punycode {
    private static final int BASE = 36;
    private static final int T_MIN = 1;
    private static final int T_MAX = 26;
    private static final int SKEW = 38;
    private static final int DAMP = 700;
    private static final int INITIAL_BIAS = 72;
    private static final int INITIAL_N = 128;

    private Punycode() {}

    /** Returns the decoded identifier, or null when {@code encoded} is not valid punycode. */
    static String decode(String ascii, String encoded) {
        if (encoded.isEmpty()) {
            return null;
        }
        int[] output = new int[ascii.length() + encoded.length()];
        int length = 0;
        for (int k = 0; k < ascii.length(); k++) {
            output[length++] = ascii.charAt(k);
        }
        long n = INITIAL_N;
        long i = 0;
        int bias = INITIAL_BIAS;
        int p = 0;
        while (p < encoded.length()) {
            long oldI = i;
            long w = 1;
            for (int k = BASE; ; k += BASE) {
                if (p >= encoded.length()) {
                    return null;
                }
                int digit = digit(encoded.charAt(p++));
                if (digit < 0) {
                    return null;
                }
                i += digit * w;
                int t = k <= bias ? T_MIN : Math.min(k - bias, T_MAX);
                if (digit < t) {
                    break;
                }
                w *= BASE - t;
                // Code points stop at 0x10FFFF, so anything this large is garbage; the bound
                // also keeps the arithmetic far from overflow.
                if (i > 0x7FFF_FFFFL || w > 0x7FFF_FFFFL) {
                    return null;
                }
            }
            int count = length + 1;
            bias = adapt(i - oldI, count, oldI == 0);
            n += i / count;
            i %= count;
            if (n > Character.MAX_CODE_POINT || (n >= 0xD800 && n <= 0xDFFF) || length >= output.length) {
                return null;
            }
            System.arraycopy(output, (int) i, output, (int) i + 1, length - (int) i);
            output[(int) i] = (int) n;
            length++;
            i++;
        }
        return new String(output, 0, length);
    }

    private static int digit(char c) {
        if (c >= 'a' && c <= 'z') {
            return c - 'a';
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 26;
        }
        return -1;
    }

    private static int adapt(long delta, int count, boolean first) {
        delta = first ? delta / DAMP : delta / 2;
        delta += delta / count;
        int k = 0;
        while (delta > ((BASE - T_MIN) * T_MAX) / 2) {
            delta /= BASE - T_MIN;
            k += BASE;
        }
        return (int) (k + (BASE - T_MIN + 1) * delta / (delta + SKEW));
    }
}
