package io.textwasm.plugin;

import io.textwasm.internal.Utf8;

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
            if (b[i] >= 0) {
                i++;
                continue;
            }
            int next = Utf8.sequenceEnd(b, i, len);
            if (next < 0) {
                return i;
            }
            i = next;
        }
        return -1;
    }
}
