package io.textwasm.internal;

import io.textwasm.Token;
import io.textwasm.TokenKind;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The list {@code TextEngine.tokenize} returns when case is not folded: unmodifiable, each token
 * held as its end offset and kind (5 bytes), plus its start (4 more) when the options dropped
 * some segments, and made into a {@link Token#slice} when it is read.
 *
 * <p>Why: a Token object and its slot cost 36 bytes, seven times this, and making them was about
 * a third of tokenizing English; a caller that walks the list usually keeps no token, so the JIT
 * can drop the object {@link #get} makes. {@link Token} is value-based, so handing out a new,
 * equal object on every {@code get} is within its contract.
 */
public final class TokenSlices extends AbstractList<Token> implements RandomAccess {
    private static final TokenKind[] KINDS = TokenKind.values();

    private final String source;
    /** Where each token starts, or null when each starts where the one before ends (the first at {@link #from}). */
    private final int[] starts;
    private final int from;
    private final int[] ends;
    private final byte[] kinds;
    private final int size;

    private TokenSlices(String source, int[] starts, int from, int[] ends, byte[] kinds, int size) {
        this.source = source;
        this.starts = starts;
        this.from = from;
        this.ends = ends;
        this.kinds = kinds;
        this.size = size;
    }

    /**
     * The tokens of {@code source}: every segment in {@code segments}, less the whitespace or
     * punctuation ones when asked. Takes over the arrays when nothing is dropped (copied to
     * size when they are over half again too long).
     */
    public static TokenSlices of(String source, WordSegments.Segments segments, boolean dropWhitespace, boolean dropPunctuation) {
        int n = segments.size();
        int[] ends = segments.ends();
        byte[] kinds = segments.kinds();
        if (!dropWhitespace && !dropPunctuation) {
            if (ends.length - n > n / 2) {
                ends = Arrays.copyOf(ends, n);
                kinds = Arrays.copyOf(kinds, n);
            }
            return new TokenSlices(source, null, segments.from(), ends, kinds, n);
        }
        int whitespace = TokenKind.WHITESPACE.ordinal();
        int punctuation = TokenKind.PUNCTUATION.ordinal();
        int kept = 0;
        for (int i = 0; i < n; i++) {
            int k = kinds[i];
            if (!(dropWhitespace && k == whitespace || dropPunctuation && k == punctuation)) {
                kept++;
            }
        }
        int[] keptStarts = new int[kept];
        int[] keptEnds = new int[kept];
        byte[] keptKinds = new byte[kept];
        int j = 0;
        int start = segments.from();
        for (int i = 0; i < n; i++) {
            int k = kinds[i];
            if (!(dropWhitespace && k == whitespace || dropPunctuation && k == punctuation)) {
                keptStarts[j] = start;
                keptEnds[j] = ends[i];
                keptKinds[j++] = (byte) k;
            }
            start = ends[i];
        }
        return new TokenSlices(source, keptStarts, 0, keptEnds, keptKinds, kept);
    }

    @Override
    public Token get(int index) {
        Objects.checkIndex(index, size);
        int start = starts != null ? starts[index] : index == 0 ? from : ends[index - 1];
        return Token.slice(source, KINDS[kinds[index]], start, ends[index]);
    }

    @Override
    public int size() {
        return size;
    }
}
