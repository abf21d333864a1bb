package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textwasm.Token;
import io.textwasm.TokenKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenSlices} holds the segments of a {@link WordSegments.Segments} buffer, in order,
 * across the buffer's growth, less the kinds the options drop, and is unmodifiable.
 */
class TokenSlicesTest {
    private static final TokenKind[] KINDS = TokenKind.values();

    /** {@code count} one-unit segments over a source of as many units (the estimate is a quarter of that). */
    private static void checkHolds(int count, boolean dropWhitespace, boolean dropPunctuation) {
        String source = "x".repeat(count);
        WordSegments.Segments segments = new WordSegments.Segments(0, count);
        List<Token> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            TokenKind kind = KINDS[i % KINDS.length];
            segments.segment(i, i + 1, kind.ordinal());
            if (!(dropWhitespace && kind == TokenKind.WHITESPACE || dropPunctuation && kind == TokenKind.PUNCTUATION)) {
                expected.add(Token.of("x", kind, i, i + 1));
            }
        }
        List<Token> list = TokenSlices.of(source, segments, dropWhitespace, dropPunctuation);
        String where = count + " segments, drop whitespace " + dropWhitespace + ", punctuation " + dropPunctuation;
        assertEquals(expected, list, where);
        assertEquals(expected.size(), list.size(), where);
    }

    @Test
    void holdsEveryTokenBelowAtAndAboveItsEstimate() {
        // 40 units have room for 26 segments before the buffer grows.
        for (int count : new int[] {0, 1, 5, 25, 26, 27, 52, 53, 1000}) {
            checkHolds(count, false, false);
            checkHolds(count, true, false);
            checkHolds(count, false, true);
            checkHolds(count, true, true);
        }
    }

    @Test
    void readsGiveSlicesOfTheSourceFromTheBufferStart() {
        String source = "> ab, cd";
        WordSegments.Segments segments = new WordSegments.Segments(2, 6);
        segments.segment(2, 4, TokenKind.WORD.ordinal());
        segments.segment(4, 5, TokenKind.PUNCTUATION.ordinal());
        segments.segment(5, 6, TokenKind.WHITESPACE.ordinal());
        segments.segment(6, 8, TokenKind.WORD.ordinal());
        assertEquals(List.of(Token.of("ab", TokenKind.WORD, 2, 4), Token.of(",", TokenKind.PUNCTUATION, 4, 5),
                Token.of(" ", TokenKind.WHITESPACE, 5, 6), Token.of("cd", TokenKind.WORD, 6, 8)),
                TokenSlices.of(source, segments, false, false));
        assertEquals(List.of(Token.of("ab", TokenKind.WORD, 2, 4), Token.of("cd", TokenKind.WORD, 6, 8)),
                TokenSlices.of(source, segments, true, true));
    }

    @Test
    void isUnmodifiable() {
        WordSegments.Segments segments = new WordSegments.Segments(0, 2);
        segments.segment(0, 1, 0);
        TokenSlices list = TokenSlices.of("ab", segments, false, false);
        Token t = Token.of("b", TokenKind.WORD, 1, 2);
        assertThrows(UnsupportedOperationException.class, () -> list.add(t));
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, t));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
    }
}
