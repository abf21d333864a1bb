package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textwasm.Token;
import io.textwasm.TokenKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link TokenSlices} holds what was appended, in order, across growth and sealing, and is unmodifiable. */
class TokenSlicesTest {
    /** Tokens of one unit each over a source of {@code length} units (the estimate comes from it). */
    private static void checkHolds(int length, int count) {
        TokenSlices list = new TokenSlices("x".repeat(length));
        List<Token> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int kind = i % TokenKind.values().length;
            int at = i % Math.max(length, 1);
            list.append(at, Math.min(at + 1, length), kind);
            expected.add(Token.of(length == 0 ? "" : "x", TokenKind.values()[kind], at, Math.min(at + 1, length)));
        }
        List<Token> sealed = list.seal();
        assertEquals(expected, sealed, "length " + length + ", " + count + " tokens");
        assertEquals(count, sealed.size());
    }

    @Test
    void holdsEveryTokenBelowAtAndAboveItsEstimate() {
        // A source of 40 units has room for 26 before growing; 0, 1 (sealed to size), 26 and 27,
        // then many doublings past it.
        for (int count : new int[] {0, 1, 5, 6, 7, 25, 26, 27, 52, 53, 1000}) {
            checkHolds(40, count);
        }
        checkHolds(0, 100);
    }

    @Test
    void readsGiveSlicesOfTheSource() {
        TokenSlices list = new TokenSlices("ab, cd");
        list.append(0, 2, TokenKind.WORD.ordinal());
        list.append(2, 3, TokenKind.PUNCTUATION.ordinal());
        list.append(4, 6, TokenKind.WORD.ordinal());
        assertEquals(List.of(Token.of("ab", TokenKind.WORD, 0, 2), Token.of(",", TokenKind.PUNCTUATION, 2, 3),
                Token.of("cd", TokenKind.WORD, 4, 6)), list.seal());
    }

    @Test
    void isUnmodifiable() {
        TokenSlices list = new TokenSlices("ab");
        list.append(0, 1, 0);
        Token t = Token.of("b", TokenKind.WORD, 1, 2);
        assertThrows(UnsupportedOperationException.class, () -> list.add(t));
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, t));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
    }
}
