package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textwasm.Token;
import io.textwasm.TokenKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenListTest {
    private static Token token(int i) {
        return Token.of("t" + i, TokenKind.WORD, i, i + 1);
    }

    private static void checkHolds(int length, int count) {
        TokenList list = new TokenList(length);
        List<Token> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.append(token(i));
            expected.add(token(i));
        }
        List<Token> sealed = list.seal();
        assertEquals(expected, sealed, "length " + length + ", " + count + " tokens");
        assertEquals(count, sealed.size());
    }

    @Test
    void holdsEveryTokenBelowAtAndAboveItsEstimate() {
        // The estimate for length 40 is 26 slots; 0, 1 (sealed to size), 26 and 27, then many
        // doublings past it.
        for (int count : new int[] {0, 1, 5, 6, 7, 25, 26, 27, 52, 53, 1000}) {
            checkHolds(40, count);
        }
        checkHolds(0, 100);
    }

    @Test
    void isUnmodifiable() {
        TokenList list = new TokenList(10);
        list.append(token(0));
        assertThrows(UnsupportedOperationException.class, () -> list.add(token(1)));
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, token(1)));
        assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(-1));
    }
}
