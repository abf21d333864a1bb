package io.textwasm;

/**
 * The kind of a word segment, from the code points it contains, most specific first: any
 * ideograph makes it {@link #IDEOGRAPHIC}, else any kana {@link #KANA}, else any letter
 * {@link #WORD}, else any digit {@link #NUMBER}, then {@link #EMOJI}, {@link #PUNCTUATION},
 * {@link #WHITESPACE} and {@link #OTHER} (symbols, controls).
 */
public enum TokenKind {
    WORD,
    NUMBER,
    IDEOGRAPHIC,
    KANA,
    EMOJI,
    PUNCTUATION,
    WHITESPACE,
    OTHER;

    /** Whether {@link TextEngine#countWords} counts segments of this kind. */
    public boolean isWordLike() {
        return ordinal() <= KANA.ordinal();
    }

    static final TokenKind[] BY_CODE = values();
}
