package io.textwasm.size.json;

/**
 * Writes pretty-printed JSON with a fixed layout (two-space indent, keys in call order), so the
 * same report always produces the same bytes and golden files can compare them.
 */
public final class JsonWriter {
    private final StringBuilder out = new StringBuilder();
    private int indent;
    // Whether the current container already holds a member, to place the commas.
    private boolean[] hasMember = new boolean[16];
    private boolean afterKey;

    public JsonWriter beginObject() {
        return open('{');
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        return open('[');
    }

    public JsonWriter endArray() {
        return close(']');
    }

    public JsonWriter name(String key) {
        separator();
        quote(key);
        out.append(": ");
        afterKey = true;
        return this;
    }

    public JsonWriter value(String s) {
        separator();
        if (s == null) {
            out.append("null");
        } else {
            quote(s);
        }
        return this;
    }

    public JsonWriter value(long n) {
        separator();
        out.append(n);
        return this;
    }

    public JsonWriter value(Long n) {
        separator();
        out.append(n == null ? "null" : n.toString());
        return this;
    }

    public JsonWriter value(boolean b) {
        separator();
        out.append(b);
        return this;
    }

    /** A number already formatted as JSON (e.g. a rounded decimal), written verbatim. */
    public JsonWriter rawNumber(String n) {
        separator();
        out.append(n);
        return this;
    }

    public JsonWriter nullValue() {
        separator();
        out.append("null");
        return this;
    }

    public JsonWriter field(String key, String s) {
        return name(key).value(s);
    }

    public JsonWriter field(String key, long n) {
        return name(key).value(n);
    }

    public JsonWriter field(String key, Long n) {
        return name(key).value(n);
    }

    public JsonWriter field(String key, boolean b) {
        return name(key).value(b);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private JsonWriter open(char c) {
        separator();
        out.append(c);
        indent++;
        if (indent >= hasMember.length) {
            hasMember = java.util.Arrays.copyOf(hasMember, hasMember.length * 2);
        }
        hasMember[indent] = false;
        return this;
    }

    private JsonWriter close(char c) {
        boolean empty = !hasMember[indent];
        indent--;
        if (!empty) {
            newline();
        }
        out.append(c);
        return this;
    }

    private void separator() {
        if (afterKey) {
            afterKey = false;
            return;
        }
        if (indent == 0) {
            return;
        }
        if (hasMember[indent]) {
            out.append(',');
        }
        hasMember[indent] = true;
        newline();
    }

    private void newline() {
        out.append('\n');
        for (int i = 0; i < indent; i++) {
            out.append("  ");
        }
    }

    private void quote(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
