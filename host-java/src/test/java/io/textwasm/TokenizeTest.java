package io.textwasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.testkit.Batches;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Engines;
import io.textwasm.testkit.OptionsOracle;
import io.textwasm.testkit.RandomTextGenerator;
import io.textwasm.testkit.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link TextEngine#tokenize}: kinds on worked examples; offsets are UTF-16 indices into the
 * caller's string (unpaired surrogates included); tokens tile the input; the options drop
 * exactly the whitespace or punctuation tokens and fold the text (NFC with full case folding)
 * without moving offsets; the lazy Stream variant, which works chunk by chunk, equals the List
 * variant; the UTF-8 variant gives the same tokens with byte offsets.
 */
class TokenizeTest {
    private static final TokenizeOptions DROP_WS = TokenizeOptions.DEFAULT.withoutWhitespace();
    private static final TokenizeOptions DROP_PUNCT = TokenizeOptions.DEFAULT.withoutPunctuation();
    private static final TokenizeOptions FOLD = TokenizeOptions.DEFAULT.withCaseFolding();

    private static String describe(List<Token> tokens) {
        return tokens.stream().map(t -> t.kind() + "[" + t.start() + "," + t.end() + ")" + Cps.escape(t.text()))
                .collect(Collectors.joining("\n    "));
    }

    private static void expect(String text, Object... textKindPairs) {
        List<Token> got = Engines.aot().tokenize(text);
        List<String> want = new ArrayList<>();
        for (int i = 0; i < textKindPairs.length; i += 2) {
            want.add(textKindPairs[i + 1] + " " + Cps.escape((String) textKindPairs[i]));
        }
        List<String> actual = got.stream().map(t -> t.kind() + " " + Cps.escape(t.text())).collect(Collectors.toList());
        assertEquals(want, actual, () -> "tokens of " + Cps.escape(text));
    }

    @Test
    void kinds() {
        TokenKind w = TokenKind.WORD;
        TokenKind n = TokenKind.NUMBER;
        TokenKind i = TokenKind.IDEOGRAPHIC;
        TokenKind k = TokenKind.KANA;
        TokenKind e = TokenKind.EMOJI;
        TokenKind p = TokenKind.PUNCTUATION;
        TokenKind s = TokenKind.WHITESPACE;
        TokenKind o = TokenKind.OTHER;
        expect("Hello, world!", "Hello", w, ",", p, " ", s, "world", w, "!", p);
        expect("42 3.14 1,000", "42", n, " ", s, "3.14", n, " ", s, "1,000", n);
        expect("abc123 can't", "abc123", w, " ", s, "can't", w);
        expect("世界", "世", i, "界", i);
        expect("カタカナ", "カタカナ", k);
        expect("ひら", "ひ", k, "ら", k);
        expect("👍🏽 👩‍👩‍👧 🇫🇷", "👍🏽", e, " ", s, "👩‍👩‍👧", e, " ", s, "🇫🇷", e);
        expect("$+\u0001", "$", o, "+", o, "\u0001", o);
        expect("\t\u3000\n", "\t", s, "\u3000", s, "\n", s);
        expect("e\u0301 ½", "e\u0301", w, " ", s, "½", n);
        expect("한국어", "한국어", w);
        expect("", new Object[0]);
    }

    @Test
    void offsetsAreUtf16IndicesIntoTheCallersString() {
        String s = "𝐀𝐁 x\uD800y 👩‍👩‍👧z";
        List<Token> t = Engines.aot().tokenize(s);
        for (Token tok : t) {
            assertEquals(s.substring(tok.start(), tok.end()), tok.text(), () -> describe(t));
        }
        assertEquals(4, t.get(0).end(), "two supplementary letters are four UTF-16 units");
    }

    /** On random text (with unpaired surrogates): tokens tile the input and agree with segment and countWords. */
    @Test
    void tokensTileTheInputAndAgreeWithSegmentAndCountWords() {
        TextEngine engine = Engines.aot();
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("TokenizeTest.tile"));
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 5_000 && failures.size() < 10; i++) {
            String s = gen.mixedText(5);
            List<Token> tokens = engine.tokenize(s);
            StringBuilder joined = new StringBuilder();
            int[] bounds = new int[tokens.size() + 1];
            int k = 0;
            int words = 0;
            for (Token t : tokens) {
                if (t.start() != bounds[k] || !t.text().equals(s.substring(t.start(), t.end()))) {
                    failures.add("token " + k + " does not continue the previous or is not its slice:\n    " + describe(tokens)
                            + "\n  given: " + Cps.escape(s));
                    break;
                }
                joined.append(t.text());
                bounds[++k] = t.end();
                words += t.isWordLike() ? 1 : 0;
            }
            if (!joined.toString().equals(s)) {
                failures.add(Cps.diff("the concatenated tokens are not the input", s, s, joined));
                continue;
            }
            int[] segments = s.isEmpty() ? new int[] {0} : engine.segment(s, Granularity.WORD);
            if (!java.util.Arrays.equals(segments, s.isEmpty() ? new int[] {0} : bounds)) {
                failures.add("token boundaries " + java.util.Arrays.toString(bounds) + " are not the word boundaries "
                        + java.util.Arrays.toString(segments) + "\n  given: " + Cps.escape(s));
            }
            if (engine.countWords(s) != words) {
                failures.add("countWords " + engine.countWords(s) + " but " + words + " word-like tokens\n  given: " + Cps.escape(s));
            }
        }
        Batches.assertNone(failures, Seeds.hint());
    }

    @Test
    void optionsDropWhitespaceAndPunctuationAndFoldCase() {
        TextEngine engine = Engines.aot();
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("TokenizeTest.options"));
        List<String> failures = new ArrayList<>();
        TokenizeOptions fold = FOLD;
        for (int i = 0; i < 3_000 && failures.size() < 10; i++) {
            String s = gen.mixedText(5);
            List<Token> all = engine.tokenize(s);
            List<Token> noWs = all.stream().filter(t -> t.kind() != TokenKind.WHITESPACE).collect(Collectors.toList());
            List<Token> noPunct = all.stream().filter(t -> t.kind() != TokenKind.PUNCTUATION).collect(Collectors.toList());
            List<Token> neither = noWs.stream().filter(t -> t.kind() != TokenKind.PUNCTUATION).collect(Collectors.toList());
            List<Token> folded = all.stream()
                    .map(t -> Token.of(OptionsOracle.normalize(t.text(), NormalizationForm.NFC, NormalizationOptions.DEFAULT.withCaseFolding()),
                            t.kind(), t.start(), t.end()))
                    .collect(Collectors.toList());
            check(failures, s, "withoutWhitespace", noWs, engine.tokenize(s, DROP_WS));
            check(failures, s, "withoutPunctuation", noPunct, engine.tokenize(s, DROP_PUNCT));
            check(failures, s, "withoutWhitespace().withoutPunctuation()", neither, engine.tokenize(s, DROP_WS.withoutPunctuation()));
            check(failures, s, "withCaseFolding", folded, engine.tokenize(s, fold));
        }
        Batches.assertNone(failures, Seeds.hint());
        List<Token> t = engine.tokenize("Straße, İSTANBUL und ΣΊΣΥΦΟΣ!", DROP_WS.withoutPunctuation().withCaseFolding());
        assertEquals(List.of("strasse", "i\u0307stanbul", "und", "σίσυφοσ"), t.stream().map(Token::text).collect(Collectors.toList()));
        assertEquals(List.of(0, 8, 17, 21), t.stream().map(Token::start).collect(Collectors.toList()), "offsets of the unfolded input");
    }

    private static void check(List<String> failures, String s, String what, List<Token> want, List<Token> got) {
        if (!want.equals(got) && failures.size() < 10) {
            failures.add(what + ": expected\n    " + describe(want) + "\n  but got\n    " + describe(got) + "\n  given: " + Cps.escape(s));
        }
    }

    /**
     * The Stream variant tokenizes chunk by chunk (about 1 Mi UTF-16 units, cut after a line
     * feed); on a 2.25 Mi-unit text with tens of thousands of lines, CR LF pairs and unpaired
     * surrogates, and on one long line without a line feed, it must equal the List variant.
     * Folded tokens are chunked in every variant, so they are checked against the host's
     * unchunked segmentation, folded token by token.
     */
    @Test
    void streamEqualsListOnTextsWithManyLines() {
        TextEngine engine = Engines.aot();
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("TokenizeTest.stream"));
        StringBuilder b = new StringBuilder();
        while (b.length() < (9 << 20) / 4) {
            // Mostly prose (cheap to make); one line in four from the hard pieces.
            String line = gen.random().nextInt(4) == 0 ? gen.mixedText(8) : gen.prose().replace('\n', ' ').replace('\r', ' ');
            b.append(line).append(gen.random().nextBoolean() ? "\n" : "\r\n");
        }
        String lines = b.toString();
        String oneLine = lines.replace('\n', ' ').replace('\r', ' ');
        for (String text : List.of(lines, oneLine)) {
            List<TokenizeOptions> options = text == lines
                    ? List.of(TokenizeOptions.DEFAULT, DROP_WS.withoutPunctuation().withCaseFolding())
                    : List.of(TokenizeOptions.DEFAULT);
            for (TokenizeOptions o : options) {
                List<Token> list = engine.tokenize(text, o);
                List<Token> stream = engine.tokens(text, o).collect(Collectors.toList());
                List<Token> each = new java.util.ArrayList<>();
                engine.forEachToken(text, o, each::add);
                assertTrue(list.equals(each), () -> "forEachToken(...) differs from tokenize(...) with " + o + Seeds.hint());
                if (!list.equals(stream)) {
                    int k = 0;
                    while (k < Math.min(list.size(), stream.size()) && list.get(k).equals(stream.get(k))) {
                        k++;
                    }
                    throw new AssertionError("tokens(...) differs from tokenize(...) at token " + k + " of " + list.size() + " (list) / "
                            + stream.size() + " (stream): " + (k < list.size() ? list.get(k) : "end") + " vs "
                            + (k < stream.size() ? stream.get(k) : "end") + Seeds.hint());
                }
            }
        }
        assertTrue(lines.chars().filter(c -> c == '\n').count() > 10_000);
        // Without a line feed or an ASCII space (ideographic spaces instead), folded tokens come
        // from the core in chunks cut at word boundaries that are certain whatever surrounds them;
        // they must be the unchunked host tokens, each folded (NFC with case folding, by ICU4J).
        String noCuts = oneLine.replace(' ', '\u3000');
        List<Token> folded = engine.tokenize(noCuts, FOLD);
        List<Token> expected = engine.tokenize(noCuts).stream()
                .map(t -> Token.of(OptionsOracle.normalize(t.text(), NormalizationForm.NFC, NormalizationOptions.DEFAULT.withCaseFolding()),
                        t.kind(), t.start(), t.end()))
                .collect(Collectors.toList());
        for (int k = 0; k < Math.max(folded.size(), expected.size()); k++) {
            int at = k;
            assertTrue(k < folded.size() && k < expected.size() && folded.get(k).equals(expected.get(k)),
                    () -> "folded token " + at + " of " + expected.size() + ": expected " + (at < expected.size() ? expected.get(at) : "end")
                            + " but got " + (at < folded.size() ? folded.get(at) : "end") + Seeds.hint());
        }
        assertTrue(noCuts.length() > 2 << 20, "long enough for several chunks");
    }

    /** The UTF-8 variant: same tokens, offsets in bytes. */
    @Test
    void utf8VariantGivesByteOffsets() {
        TextEngine engine = Engines.aot();
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("TokenizeTest.utf8"));
        for (int i = 0; i < 2_000; i++) {
            String s = Cps.replaceUnpairedSurrogates(gen.mixedText(5));
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            List<Token> chars = engine.tokenize(s);
            List<Token> bytes = engine.tokenizeUtf8(utf8, TokenizeOptions.DEFAULT, false, 0);
            assertEquals(chars.size(), bytes.size(), () -> Cps.escape(s));
            for (int k = 0; k < chars.size(); k++) {
                Token c = chars.get(k);
                Token u = bytes.get(k);
                int start = s.substring(0, c.start()).getBytes(StandardCharsets.UTF_8).length;
                int end = s.substring(0, c.end()).getBytes(StandardCharsets.UTF_8).length;
                assertEquals(Token.of(c.text(), c.kind(), start, end), u, () -> Cps.escape(s));
            }
        }
        assertArrayEquals(new int[] {0, 3, 6}, engine.tokenizeUtf8("日本!".getBytes(StandardCharsets.UTF_8), TokenizeOptions.DEFAULT, false, 0)
                .stream().mapToInt(Token::start).toArray(), "");
        byte[] jp = "日本!".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(new int[] {100, 103, 106}, engine.tokenizeUtf8(jp, TokenizeOptions.DEFAULT, false, 100)
                .stream().mapToInt(Token::start).toArray(), "");
        // Offsets past 2^31 - 1 used to wrap to negative numbers (the CLI printed them on files over 2 GiB).
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> engine.tokenizeUtf8(jp, TokenizeOptions.DEFAULT, false, Integer.MAX_VALUE - 5L));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("pass 0 and add the base yourself"), e.getMessage());
    }
}
