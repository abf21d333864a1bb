package io.textwasm.size.emit;

import java.util.Locale;

/** The output formats of {@code --format}. */
public enum Format {
    TEXT(new TextEmitter()),
    MARKDOWN(new MarkdownEmitter()),
    JSON(new JsonEmitter());

    private final Emitter emitter;

    Format(Emitter emitter) {
        this.emitter = emitter;
    }

    public Emitter emitter() {
        return emitter;
    }

    /** Parses {@code text}, {@code markdown} or {@code json}; null for anything else. */
    public static Format parse(String name) {
        for (Format f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                return f;
            }
        }
        return null;
    }
}
