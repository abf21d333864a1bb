package io.textwasm;

/** Options for {@link TextEngine#tokenize(CharSequence, TokenizeOptions)}. Immutable. */
public final class TokenizeOptions {
    public static final TokenizeOptions DEFAULT = new TokenizeOptions(false, false, false);

    private final boolean dropWhitespace;
    private final boolean dropPunctuation;
    private final boolean caseFold;

    private TokenizeOptions(boolean dropWhitespace, boolean dropPunctuation, boolean caseFold) {
        this.dropWhitespace = dropWhitespace;
        this.dropPunctuation = dropPunctuation;
        this.caseFold = caseFold;
    }

    public TokenizeOptions withoutWhitespace() {
        return new TokenizeOptions(true, dropPunctuation, caseFold);
    }

    public TokenizeOptions withoutPunctuation() {
        return new TokenizeOptions(dropWhitespace, true, caseFold);
    }

    /** Token text is case-folded: NFC with full case folding (offsets still refer to the input). */
    public TokenizeOptions withCaseFolding() {
        return new TokenizeOptions(dropWhitespace, dropPunctuation, true);
    }

    public boolean dropWhitespace() {
        return dropWhitespace;
    }

    public boolean dropPunctuation() {
        return dropPunctuation;
    }

    public boolean caseFold() {
        return caseFold;
    }

    int abiFlags() {
        return (dropWhitespace ? 4 : 0) | (dropPunctuation ? 8 : 0) | (caseFold ? 16 : 0);
    }
}
