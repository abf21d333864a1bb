package io.textwasm;

/**
 * One word segment. {@code start} and {@code end} are UTF-16 indices into the string that was
 * tokenized; {@code text} is that slice, or its case-folded form when folding was asked for.
 */
public record Token(String text, TokenKind kind, int start, int end) {
    public boolean isWordLike() {
        return kind.isWordLike();
    }
}
