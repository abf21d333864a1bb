package io.textwasm;

import java.util.Objects;

/**
 * One word segment. {@code start} and {@code end} are UTF-16 indices into the string that was
 * tokenized; {@code text} is that slice, or its case-folded form when folding was asked for.
 *
 * <p>A Token is <em>value-based</em>, like {@code java.time}'s classes: two are equal when their
 * text, kind and offsets are, however they were made, and code must not rely on identity. The
 * list {@link TextEngine#tokenize} returns without case folding holds only offsets and kinds, and
 * makes a new, equal Token each time an element is read.
 *
 * <p>Those tokens are {@linkplain #slice slices}: each holds the tokenized string and cuts its
 * text from it on the first call to {@link #text()}. Why: the substring was two of every token's
 * three allocations, and most callers read the text of only some tokens (the words, not the
 * spaces between them). The cost is that a token keeps the whole string it came from reachable,
 * as the list does; keep {@code text()} instead to hold on to one word of a large text.
 */
public abstract class Token {
    /** Strings of one ASCII character, shared: a space or a comma is every other token of English. */
    private static final String[] ASCII_STRINGS = new String[128];

    static {
        for (char c = 0; c < ASCII_STRINGS.length; c++) {
            ASCII_STRINGS[c] = String.valueOf(c);
        }
    }

    private final TokenKind kind;
    private final int start;
    private final int end;

    /** Private: the two kinds below are the only ones, and every field a reader relies on is final. */
    private Token(TokenKind kind, int start, int end) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.start = start;
        this.end = end;
    }

    /** A token whose text is given: a folded form, or a slice made elsewhere. */
    public static Token of(String text, TokenKind kind, int start, int end) {
        return new Given(Objects.requireNonNull(text, "text"), kind, start, end);
    }

    /**
     * The token {@code source.substring(start, end)} of the given kind, the substring cut when
     * {@link #text()} is first called.
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= start <= end <= source.length()}
     */
    public static Token slice(String source, TokenKind kind, int start, int end) {
        Objects.checkFromToIndex(start, end, source.length());
        return new Slice(source, kind, start, end);
    }

    /** The token's text: the slice of the tokenized string, or its folded form. */
    public abstract String text();

    public final TokenKind kind() {
        return kind;
    }

    /** UTF-16 index of the token's first unit in the tokenized string. */
    public final int start() {
        return start;
    }

    /** UTF-16 index just past the token's last unit in the tokenized string. */
    public final int end() {
        return end;
    }

    public final boolean isWordLike() {
        return kind.isWordLike();
    }

    @Override
    public final boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Token)) {
            return false;
        }
        Token t = (Token) o;
        return start == t.start && end == t.end && kind == t.kind && text().equals(t.text());
    }

    @Override
    public final int hashCode() {
        return ((text().hashCode() * 31 + kind.hashCode()) * 31 + start) * 31 + end;
    }

    /** The form a record would print, for logs and test failures: {@code Token[text=Hi, kind=WORD, start=0, end=2]}. */
    @Override
    public final String toString() {
        return "Token[text=" + text() + ", kind=" + kind + ", start=" + start + ", end=" + end + "]";
    }

    private static final class Given extends Token {
        private final String text;

        Given(String text, TokenKind kind, int start, int end) {
            super(kind, start, end);
            this.text = text;
        }

        @Override
        public String text() {
            return text;
        }
    }

    private static final class Slice extends Token {
        private final String source;
        /**
         * The text, once cut. Racy but safe, like String's hash: a thread that finds it null cuts
         * an equal String from the final source, and a String is immutable however it is published.
         */
        private String text;

        Slice(String source, TokenKind kind, int start, int end) {
            super(kind, start, end);
            this.source = source;
        }

        @Override
        public String text() {
            String t = text;
            if (t == null) {
                int a = start(), b = end();
                char c;
                t = b - a == 1 && (c = source.charAt(a)) < ASCII_STRINGS.length ? ASCII_STRINGS[c] : source.substring(a, b);
                text = t;
            }
            return t;
        }
    }
}
