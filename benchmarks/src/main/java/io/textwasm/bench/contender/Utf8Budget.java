package io.textwasm.bench.contender;

/** Where a UTF-8 byte budget ends in a String, for the contenders' truncation. */
final class Utf8Budget {
    private Utf8Budget() {}

    /**
     * The largest UTF-16 index whose prefix takes at most {@code maxBytes} bytes of UTF-8, never
     * inside a surrogate pair (an unpaired surrogate counts as U+FFFD's three bytes). Reads only
     * up to the budget.
     */
    static int prefixEnd(String s, int maxBytes) {
        long bytes = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int width = 1;
            int n;
            if (c < 0x80) {
                n = 1;
            } else if (c < 0x800) {
                n = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n = 4;
                width = 2;
            } else {
                n = 3;
            }
            if (bytes + n > maxBytes) {
                return i;
            }
            bytes += n;
            i += width;
        }
        return i;
    }
}
