package io.textwasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.textwasm.testkit.Engines;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Token}'s two forms: a slice cuts its text from the tokenized string when first read and
 * then keeps it; a slice and a given token with the same text, kind and offsets are equal and hash
 * alike; the bounds of a slice are checked when it is made, not when it is read.
 */
class TokenTest {
    @Test
    void aSliceReadsItsTextFromTheSourceOnceAndKeepsIt() {
        String source = "say héllo";
        Token t = Token.slice(source, TokenKind.WORD, 4, 9);
        String first = t.text();
        assertEquals("héllo", first);
        assertSame(first, t.text(), "the text is cut once");
        assertEquals(TokenKind.WORD, t.kind());
        assertEquals(4, t.start());
        assertEquals(9, t.end());
    }

    @Test
    void oneAsciiCharacterSlicesShareOneString() {
        Token a = Token.slice("a, b", TokenKind.PUNCTUATION, 1, 2);
        Token b = Token.slice("c,", TokenKind.PUNCTUATION, 1, 2);
        assertSame(a.text(), b.text());
        assertEquals(",", a.text());
        // Past ASCII, and for longer slices, each token has its own String.
        Token e1 = Token.slice("xé", TokenKind.WORD, 1, 2);
        Token e2 = Token.slice("xé", TokenKind.WORD, 1, 2);
        assertNotSame(e1.text(), e2.text());
        assertEquals("é", e1.text());
    }

    @Test
    void sliceAndGivenTokensAreEqualWhenTextKindAndOffsetsAre() {
        Token slice = Token.slice("xx hello", TokenKind.WORD, 3, 8);
        Token given = Token.of("hello", TokenKind.WORD, 3, 8);
        assertEquals(given, slice);
        assertEquals(slice, given);
        assertEquals(given.hashCode(), slice.hashCode());
        assertEquals("Token[text=hello, kind=WORD, start=3, end=8]", slice.toString());
        assertNotEquals(given, Token.of("hello", TokenKind.OTHER, 3, 8));
        assertNotEquals(given, Token.of("hello", TokenKind.WORD, 2, 8));
        assertNotEquals(given, Token.of("Hello", TokenKind.WORD, 3, 8));
    }

    @Test
    void aSliceOutsideItsSourceIsRefusedWhenMade() {
        assertThrows(IndexOutOfBoundsException.class, () -> Token.slice("abc", TokenKind.WORD, 2, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> Token.slice("abc", TokenKind.WORD, 2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> Token.slice("abc", TokenKind.WORD, -1, 1));
        assertThrows(NullPointerException.class, () -> Token.slice("abc", null, 0, 1));
        assertThrows(NullPointerException.class, () -> Token.of(null, TokenKind.WORD, 0, 1));
    }

    @Test
    void tokenizeSlicesTheCallersTextAndFoldingGivesItsOwn() {
        StringBuilder mutable = new StringBuilder("Straße 1");
        List<Token> plain = Engines.aot().tokenize(mutable);
        mutable.setLength(0); // the tokens hold a snapshot, not the caller's buffer
        assertEquals(List.of(Token.of("Straße", TokenKind.WORD, 0, 6), Token.of(" ", TokenKind.WHITESPACE, 6, 7),
                Token.of("1", TokenKind.NUMBER, 7, 8)), plain);
        List<Token> folded = Engines.aot().tokenize("Straße", TokenizeOptions.DEFAULT.withCaseFolding());
        assertEquals(List.of(Token.of("strasse", TokenKind.WORD, 0, 6)), folded);
    }
}
