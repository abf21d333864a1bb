package io.textwasm.size.emit;

/** Makes names from the input safe to print: they may contain any character, even newlines. */
public final class Names {
    private Names() {}

    /**
     * Characters that would break a line or a terminal, or reorder what is shown, become
     * {@code \xNN} or <code>&#92;uNNNN</code>, so one entry stays on one line and shows what it is: the C0
     * and C1 controls and DEL (U+009B starts a terminal escape sequence on its own), the line and
     * paragraph separators, and the bidirectional marks, embeddings, overrides and isolates
     * (U+202E would print the rest of a name backwards).
     */
    public static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                out.append(c <= 0xFF ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F)
                || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /**
     * A markdown code span that survives table cells: pipes escaped, and fenced by one backtick
     * more than the longest run inside (CommonMark ends a span at a run of its fence's length).
     * An empty name is a span holding one space, since two backticks alone are not a span.
     */
    static String code(String s) {
        String p = printable(s).replace("|", "\\|");
        if (p.isEmpty()) {
            return "` `";
        }
        int longest = 0;
        for (int i = 0, run = 0; i < p.length(); i++) {
            run = p.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        // CommonMark strips one space from each end when both are there, so a backtick at an
        // end can sit next to the fence without merging into it.
        String pad = p.startsWith("`") || p.endsWith("`") ? " " : "";
        return fence + pad + p + pad + fence;
    }
}
