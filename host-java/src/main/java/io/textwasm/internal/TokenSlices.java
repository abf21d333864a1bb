package io.textwasm.internal;

import io.textwasm.Token;
import io.textwasm.TokenKind;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The list {@code TextEngine.tokenize} returns when case is not folded: unmodifiable, each token
 * held as its offsets and kind (9 bytes) and made into a {@link Token#slice} when it is read.
 *
 * <p>Why: a Token object and its slot cost 36 bytes, four times this, and making them was about a
 * third of tokenizing English; a caller that walks the list usually keeps no token, so the JIT
 * can drop the object {@link #get} makes. {@link Token} is value-based, so handing out a new,
 * equal object on every {@code get} is within its contract.
 *
 * <p>The capacity starts from an estimate of the count (a token per four UTF-16 units: English
 * has one per 2.3, French one per 4) and doubles; see {@link TokenList} for why not an ArrayList.
 */
public final class TokenSlices extends AbstractList<Token> implements RandomAccess {
    private static final TokenKind[] KINDS = TokenKind.values();

    private final String source;
    /** Start and end of token i at 2i and 2i + 1. */
    private int[] bounds;
    private byte[] kinds;
    private int size;

    /** For the tokens of {@code source}. */
    public TokenSlices(String source) {
        this.source = source;
        int capacity = source.length() / 4 + 16;
        bounds = new int[capacity * 2];
        kinds = new byte[capacity];
    }

    /** Appends the token {@code source[start, end)} of kind {@code kind} (a {@link TokenKind} ordinal). */
    public void append(int start, int end, int kind) {
        if (size == kinds.length) {
            grow(size <= Integer.MAX_VALUE / 4 - 8 ? size * 2 : Integer.MAX_VALUE / 2 - 8);
        }
        bounds[2 * size] = start;
        bounds[2 * size + 1] = end;
        kinds[size++] = (byte) kind;
    }

    private void grow(int capacity) {
        bounds = Arrays.copyOf(bounds, capacity * 2);
        kinds = Arrays.copyOf(kinds, capacity);
    }

    /** Done appending: the arrays are cut to size when the estimate was over four times too big. */
    public TokenSlices seal() {
        if (size < kinds.length / 4) {
            grow(size);
        }
        return this;
    }

    @Override
    public Token get(int index) {
        Objects.checkIndex(index, size);
        return Token.slice(source, KINDS[kinds[index]], bounds[2 * index], bounds[2 * index + 1]);
    }

    @Override
    public int size() {
        return size;
    }
}
