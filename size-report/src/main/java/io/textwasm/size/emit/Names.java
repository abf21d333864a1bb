package io.textwasm.size.emit;

/** Makes names from the input safe to print: they may contain any character, even newlines. */
final class Names {
    private Names() {}

    /** Control characters become {@code \xNN}, so one entry stays on one line. */
    static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                out.append(String.format("\\x%02x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** A markdown code span that survives table cells: pipes escaped, backticks fenced. */
    static String code(String s) {
        String p = printable(s).replace("|", "\\|");
        String fence = p.contains("`") ? "``" : "`";
        String pad = p.startsWith("`") || p.endsWith("`") ? " " : "";
        return fence + pad + p + pad + fence;
    }
}
