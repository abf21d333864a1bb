package io.textwasm.bench.contender;

/** UTF-8 length of a slice of a Java string, for the truncation contenders that work in UTF-16. */
final class Utf8Size {
    private Utf8Size() {}

    static int of(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
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
