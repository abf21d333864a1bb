package io.textwasm.plugin;

/**
 * Well-formedness of UTF-8 as Unicode defines it (Table 3-7): no overlong forms, no surrogates,
 * nothing above U+10FFFF. Plugins are promised well-formed input, and their output is held to
 * the same standard before it becomes a Java string.
 */
final class Utf8Check {
    private Utf8Check() {}

    /** The offset of the first ill-formed sequence in {@code b[0, len)}, or -1 if there is none. */
    static int firstInvalid(byte[] b, int len) {
        int i = 0;
        while (i < len) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                if (c == 0xE0) {
                    lo = 0xA0; // no overlongs
                } else if (c == 0xED) {
                    hi = 0x9F; // no surrogates
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F; // nothing above U+10FFFF
                }
            } else {
                return i;
            }
            if (i + n >= len) {
                return i; // truncated at the end
            }
            int c1 = b[i + 1] & 0xFF;
            if (c1 < lo || c1 > hi) {
                return i;
            }
            for (int k = 2; k <= n; k++) {
                int ck = b[i + k] & 0xFF;
                if (ck < 0x80 || ck > 0xBF) {
                    return i;
                }
            }
            i += n + 1;
        }
        return -1;
    }
}
