package io.textwasm.cli;

/** Escaping for the CLI's one-item-per-line text output. */
final class LineEscape {
    private LineEscape() {}

    /** One segment per output line: line breaks, tabs and backslashes escaped. */
    static String of(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x85 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}
