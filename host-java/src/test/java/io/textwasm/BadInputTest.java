package io.textwasm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.testkit.Batches;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Engines;
import io.textwasm.testkit.Icu;
import io.textwasm.testkit.RandomTextGenerator;
import io.textwasm.testkit.Seeds;
import io.textwasm.internal.Utf8;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Inputs at the edges: empty text, unpaired surrogates in Java strings (read as U+FFFD with
 * offsets still aligned to the caller's string), ill-formed UTF-8 (an InvalidUtf8Exception at
 * the exact byte offset, or U+FFFD per maximal subpart when lossy), input larger than the
 * module's initial memory, and an engine after exceptions and after close(). Nothing may trap or
 * hang: every test here has a timeout.
 */
@Timeout(120)
class BadInputTest {
    private static final NormalizationOptions LOSSY = NormalizationOptions.DEFAULT.withLossyUtf8();
    /*
     * Each bad input is one call of microseconds now that an InvalidUtf8Exception keeps the core
     * instance (RegressionTest.anInvalidUtf8ExceptionDiscardsTheInstance).
     */
    static final int CORRUPTED_TEXTS = 2_000;
    static final int RANDOM_BYTE_ARRAYS = 2_000;

    // ------------------------------------------------------------------ empty input

    @ParameterizedTest
    @EnumSource(Backend.class)
    void emptyInputEverywhere(Backend backend) throws IOException {
        TextEngine e = Engines.get(backend);
        for (NormalizationForm f : NormalizationForm.values()) {
            assertEquals("", e.normalize("", f));
            assertEquals("", e.normalize("", f, NormalizationOptions.DEFAULT.withCaseFolding().withCollapsedWhitespace().withoutControls()));
            assertArrayEquals(new byte[0], e.normalize(new byte[0], f, NormalizationOptions.DEFAULT));
            assertTrue(e.isNormalized("", f));
            assertTrue(e.isNormalized(new byte[0], f, NormalizationOptions.DEFAULT));
            StringWriter w = new StringWriter();
            e.normalize(new StringReader(""), w, f, NormalizationOptions.DEFAULT);
            assertEquals("", w.toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            e.normalize(new ByteArrayInputStream(new byte[0]), out, f, NormalizationOptions.DEFAULT);
            assertEquals(0, out.size());
        }
        assertArrayEquals(new int[] {0}, e.segment("", Granularity.GRAPHEME));
        assertArrayEquals(new int[] {0}, e.segment("", Granularity.WORD));
        assertArrayEquals(new int[] {0}, e.segment(new byte[0], Granularity.WORD, false));
        assertEquals(0, e.countWords(""));
        assertEquals(0, e.countGraphemes(""));
        for (String what : List.of("words", "graphemes", "codepoints")) {
            assertEquals(0, e.count(new byte[0], what, false));
        }
        assertEquals(List.of(), e.tokenize(""));
        assertEquals(0, e.tokens("", TokenizeOptions.DEFAULT).count());
        assertEquals(List.of(), e.tokenizeUtf8(new byte[0], TokenizeOptions.DEFAULT, false, 0));
        assertEquals("", e.truncate("", Truncation.graphemes(3).withEllipsis("…")));
        assertEquals("", e.truncate("", Truncation.utf8Bytes(0)));
    }

    // ------------------------------------------------------------------ unpaired surrogates

    @Test
    void unpairedSurrogatesNormalizeToReplacementCharacter() {
        TextEngine e = Engines.aot();
        String[][] cases = {
            {"\uD800", "\uFFFD"},
            {"\uDC00", "\uFFFD"},
            {"a\uD800b", "a\uFFFDb"},
            {"\uDC00\uD800", "\uFFFD\uFFFD"},            // a reversed pair is two unpaired surrogates
            {"abc\uD83D", "abc\uFFFD"},                  // a high surrogate at the very end
            {"\uD800\u0301", "\uFFFD\u0301"},             // U+FFFD is a starter; the mark stays after it
            {"e\u0301\uDFFF", "\u00E9\uFFFD"},
            {"\uD83D\uDC4D\uD83D", "\uD83D\uDC4D\uFFFD"}, // a proper pair stays
        };
        List<String> failures = new ArrayList<>();
        for (String[] c : cases) {
            for (NormalizationForm f : NormalizationForm.values()) {
                String want = Icu.normalizer(f).normalize(c[1]);
                String got = e.normalize(c[0], f);
                if (!got.equals(want)) {
                    failures.add(Cps.diff(f.toString(), c[0], want, got));
                }
            }
        }
        Batches.assertNone(failures, null);
    }

    @Test
    void unpairedSurrogatesKeepSegmentAndTokenOffsetsAligned() {
        TextEngine e = Engines.aot();
        String s = "a\uD800\u0301b \uDC00x";
        // U+FFFD + U+0301 is one cluster: the surrogate occupies one UTF-16 unit, as in the input.
        assertArrayEquals(new int[] {0, 1, 3, 4, 5, 6, 7}, e.segment(s, Granularity.GRAPHEME));
        assertEquals(6, e.countGraphemes(s));
        List<Token> tokens = e.tokenize("x\uD800y");
        assertEquals(List.of(Token.of("x", TokenKind.WORD, 0, 1), Token.of("\uD800", TokenKind.OTHER, 1, 2),
                Token.of("y", TokenKind.WORD, 2, 3)), tokens, "U+FFFD is a symbol (So): OTHER, and the text is the caller's slice");
        // ASCII and unpaired surrogates only: the encoder's ASCII shortcut must not turn them into '?'.
        assertEquals("a\uFFFD", e.normalize("A\uD800", NormalizationForm.NFC, NormalizationOptions.DEFAULT.withCaseFolding()));
        assertEquals("\uD800", e.truncate("\uD800\uD800", Truncation.utf8Bytes(3)), "U+FFFD is 3 bytes");
        assertEquals("ab", e.truncate("ab\uD800cd", Truncation.codePoints(2)));
        assertEquals("ab\uD800", e.truncate("ab\uD800cd", Truncation.utf8Bytes(5)), "U+FFFD counts 3 bytes");
        assertEquals("ab", e.truncate("ab\uD800cd", Truncation.utf8Bytes(4)));
    }

    // ------------------------------------------------------------------ ill-formed UTF-8

    /** Where Java's strict decoder stops: the offset of the first ill-formed subsequence, or -1. */
    static int firstInvalidOffset(byte[] b) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(b);
        CharBuffer out = CharBuffer.allocate(b.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            return in.position();
        }
        r = d.flush(out);
        return r.isError() ? in.position() : -1;
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    /** Every UTF-8 entry point, as a function that throws on ill-formed input. */
    private static List<Function<byte[], Object>> strictEntryPoints(TextEngine e) {
        List<Function<byte[], Object>> out = new ArrayList<>();
        out.add(b -> e.normalize(b, NormalizationForm.NFC, NormalizationOptions.DEFAULT));
        out.add(b -> e.normalize(b, NormalizationForm.NFKC_CASEFOLD, NormalizationOptions.DEFAULT.withCollapsedWhitespace()));
        out.add(b -> e.isNormalized(b, NormalizationForm.NFD, NormalizationOptions.DEFAULT));
        out.add(b -> e.segment(b, Granularity.GRAPHEME, false));
        out.add(b -> e.segment(b, Granularity.WORD, false));
        out.add(b -> e.count(b, "codepoints", false));
        out.add(b -> e.count(b, "graphemes", false));
        out.add(b -> e.count(b, "words", false));
        out.add(b -> e.tokenizeUtf8(b, TokenizeOptions.DEFAULT, false, 0));
        out.add(b -> {
            try {
                e.normalize(new ByteArrayInputStream(b), new ByteArrayOutputStream(), NormalizationForm.NFKC, NormalizationOptions.DEFAULT);
            } catch (IOException x) {
                throw new java.io.UncheckedIOException(x);
            }
            return null;
        });
        return out;
    }

    private static final String[] ENTRY_NAMES = {"normalize(byte[]) NFC", "normalize(byte[]) NFKC_CF+collapse", "isNormalized(byte[])",
        "segment(byte[]) graphemes", "segment(byte[]) words", "count codepoints", "count graphemes", "count words", "tokenizeUtf8",
        "normalize(InputStream)"};

    private static void expectInvalidAt(TextEngine e, byte[] b, int offset, List<String> failures) {
        List<Function<byte[], Object>> entries = strictEntryPoints(e);
        for (int k = 0; k < entries.size(); k++) {
            try {
                entries.get(k).apply(b);
                failures.add(ENTRY_NAMES[k] + ": no InvalidUtf8Exception; bytes " + hex(b) + " are ill-formed at " + offset);
            } catch (InvalidUtf8Exception x) {
                if (x.offset() != offset) {
                    failures.add(ENTRY_NAMES[k] + ": offset " + x.offset() + " but the first ill-formed byte is at " + offset + ": " + hex(b));
                } else if (!x.getMessage().contains("byte offset " + offset)) {
                    failures.add(ENTRY_NAMES[k] + ": the message does not name the offset: " + x.getMessage());
                }
            } catch (RuntimeException x) {
                failures.add(ENTRY_NAMES[k] + ": " + x + " instead of InvalidUtf8Exception for " + hex(b));
            }
        }
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 48); i++) {
            s.append(String.format("%02X ", b[i] & 0xFF));
        }
        return s.append(b.length > 48 ? "... (" + b.length + " bytes)" : "").toString().trim();
    }

    @Test
    void invalidUtf8GivesTheExactByteOffsetOnEveryEntryPoint() {
        TextEngine e = Engines.aot();
        byte[][] cases = {
            bytes(0x80), bytes(0x61, 0xBF), bytes(0xC0, 0x80), bytes(0xC1, 0xBF), bytes(0xC3), bytes(0x61, 0xC3),
            bytes(0xE0, 0x80, 0x80), bytes(0xE0, 0xA0), bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF),
            bytes(0xEF, 0xBF), bytes(0xF0, 0x80, 0x80, 0x80), bytes(0xF0, 0x9F, 0x98), bytes(0xF4, 0x90, 0x80, 0x80),
            bytes(0xF5, 0x80, 0x80, 0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xFE), bytes(0xFF),
            bytes(0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0xFF), // past the first 8-byte word
            bytes(0x43, 0x61, 0x66, 0x65, 0xCC, 0x81, 0xE2, 0x82), // after a change: Cafe + U+0301, then a truncated €
        };
        List<String> failures = new ArrayList<>();
        for (byte[] b : cases) {
            int at = firstInvalidOffset(b);
            assertTrue(at >= 0, hex(b));
            expectInvalidAt(e, b, at, failures);
        }
        Batches.assertNone(failures, null);
    }

    /** Valid random text with a few corrupted bytes, through every entry point; offsets beyond the streaming chunk too. */
    @Test
    void corruptedTextGivesTheOffsetJavasDecoderReports() {
        TextEngine e = Engines.aot();
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("BadInputTest.corrupt"));
        Random r = gen.random();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < CORRUPTED_TEXTS && failures.size() < 10; i++) {
            byte[] b = Cps.replaceUnpairedSurrogates(gen.mixedText(4)).getBytes(StandardCharsets.UTF_8);
            if (b.length == 0) {
                continue;
            }
            int n = 1 + r.nextInt(3);
            for (int k = 0; k < n; k++) {
                b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80));
            }
            int at = firstInvalidOffset(b);
            if (at < 0) {
                continue; // the corruption happened to leave valid UTF-8
            }
            expectInvalidAt(e, b, at, failures);
        }
        // An error far into a stream: the offset counts from the stream's start, not the chunk's.
        byte[] big = ("Ω".repeat(100_000) + "x").getBytes(StandardCharsets.UTF_8);
        big[big.length - 1] = (byte) 0xC3;
        expectInvalidAt(e, big, big.length - 1, failures);
        Batches.assertNone(failures, Seeds.hint());
    }

    /**
     * Lossy decoding replaces each maximal subpart of an ill-formed sequence with one U+FFFD
     * (Unicode 16.0 §3.9), the same in the module and in the host's {@link Utf8#decodeLossy}
     * (checked against Unicode's own example in Utf8LossyTest); {@code new String(bytes, UTF_8)}
     * agrees with them except on encoded surrogates (ED A0..BF), where the JDK departs from the
     * standard (see {@link #theJdkDepartsFromMaximalSubpartsOnEncodedSurrogates()}).
     */
    @Test
    void lossyInputReplacesMaximalSubparts() {
        TextEngine e = Engines.aot();
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("BadInputTest.lossy"));
        Random r = gen.random();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 3_000 && failures.size() < 10; i++) {
            byte[] b = Cps.replaceUnpairedSurrogates(gen.mixedText(3)).getBytes(StandardCharsets.UTF_8);
            int n = r.nextInt(4);
            for (int k = 0; k < n && b.length > 0; k++) {
                b[r.nextInt(b.length)] = (byte) (0x80 + r.nextInt(0x80));
            }
            if (r.nextInt(4) == 0 && b.length > 0) {
                b = java.util.Arrays.copyOf(b, b.length - 1); // perhaps a truncated last sequence
            }
            String want = Utf8.decodeLossy(b, 0, b.length);
            String jdk = new String(b, StandardCharsets.UTF_8);
            if (!hasEncodedSurrogatePrefix(b) && !jdk.equals(want)) {
                failures.add(Cps.diff("Utf8.decodeLossy disagrees with the JDK (bytes " + hex(b) + ")", "", jdk, want));
            }
            for (NormalizationForm f : new NormalizationForm[] {NormalizationForm.NFC, NormalizationForm.NFKC_CASEFOLD}) {
                String nf = Icu.normalizer(f).normalize(want);
                String got = new String(e.normalize(b, f, LOSSY), StandardCharsets.UTF_8);
                if (!got.equals(nf)) {
                    failures.add(Cps.diff(f + " lossy (bytes " + hex(b) + ")", want, nf, got));
                }
            }
            long cps = e.count(b, "codepoints", true);
            if (cps != want.codePointCount(0, want.length())) {
                failures.add("lossy code point count " + cps + " but the decoding has " + want.codePointCount(0, want.length()) + ": " + hex(b));
            }
            long graphemes = e.count(b, "graphemes", true);
            if (graphemes != e.countGraphemes(want)) {
                failures.add("lossy grapheme count " + graphemes + " but " + e.countGraphemes(want) + " for the decoded text: " + hex(b));
            }
        }
        Batches.assertNone(failures, Seeds.hint());
        assertEquals("a\uFFFD\uFFFD\uFFFD\uFFFDb", new String(e.normalize(bytes(0x61, 0xF0, 0x80, 0x80, 0xFF, 0x62), NormalizationForm.NFC, LOSSY),
                StandardCharsets.UTF_8), "F0 80 80 FF: F0 allows only 90..BF next, so four single bytes");
        assertEquals("\uFFFD", new String(e.normalize(bytes(0xF0, 0x9F, 0x98), NormalizationForm.NFC, LOSSY), StandardCharsets.UTF_8),
                "a truncated 4-byte sequence is one maximal subpart");
        assertEquals("\uFFFD\uFFFD\uFFFD", new String(e.normalize(bytes(0xED, 0xA1, 0x9A), NormalizationForm.NFC, LOSSY), StandardCharsets.UTF_8),
                "an encoded surrogate: ED allows only 80..9F next, so three single bytes");
    }

    /** Whether the bytes contain ED A0..BF, where the JDK's lossy decoding departs from the standard. */
    static boolean hasEncodedSurrogatePrefix(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xED && (b[i + 1] & 0xFF) >= 0xA0 && (b[i + 1] & 0xFF) <= 0xBF) {
                return true;
            }
        }
        return false;
    }

    /** Documents why lossy decoding is not the JDK's: its decoder takes ED A0..BF as one unit. */
    @Test
    void theJdkDepartsFromMaximalSubpartsOnEncodedSurrogates() {
        byte[] b = bytes(0xED, 0xA1, 0x9A, 0x41);
        assertEquals("\uFFFDA", new String(b, StandardCharsets.UTF_8), "if a JDK now gives three U+FFFD, drop this exception");
        assertEquals("\uFFFD\uFFFD\uFFFDA", Utf8.decodeLossy(b, 0, b.length));
        assertEquals("\uFFFD\uFFFD\uFFFDA", new String(Engines.aot().normalize(b, NormalizationForm.NFC, LOSSY), StandardCharsets.UTF_8));
        assertEquals(0, firstInvalidOffset(b), "the strict offset is the same either way");
    }

    /** Random bytes, strict and lossy, into every byte entry point: a result or InvalidUtf8Exception, never a trap. */
    @Test
    void randomBytesNeverTrap() {
        TextEngine e = Engines.aot();
        Random r = new Random(Seeds.forTest("BadInputTest.garbage"));
        for (int i = 0; i < RANDOM_BYTE_ARRAYS; i++) {
            byte[] b = new byte[r.nextInt(64)];
            r.nextBytes(b);
            for (Function<byte[], Object> f : strictEntryPoints(e)) {
                try {
                    f.apply(b);
                } catch (InvalidUtf8Exception expected) {
                    // fine
                }
            }
            e.normalize(b, NormalizationForm.values()[i % 5], LOSSY);
            e.segment(b, Granularity.values()[i % 2], true);
            e.tokenizeUtf8(b, TokenizeOptions.DEFAULT.withCaseFolding(), true, 0);
            e.count(b, "words", true);
        }
        assertEquals("ok", e.normalize("ok", NormalizationForm.NFC));
    }

    // ------------------------------------------------------------------ large input

    /**
     * 64 MiB of UTF-8 (beyond the module's initial memory) through normalize (String and byte[])
     * and count. The text repeats one line that normalization changes, so the expected result is
     * that line's result repeated (the line ends with U+000A, which nothing reaches across).
     * Afterwards the engine holds no more than a small instance: the grown one was dropped.
     */
    @Test
    void input64MiBLargerThanTheInitialMemory() {
        String line = "Cafe\u0301 ｶﾞｰﾃﾞﾝ Ａｂｃ 한국어 \u1100\u1161\u11A8 👩‍👩‍👧 Ω Å ﬁ x\u0323\u0307 — ok\n";
        int lineBytes = line.getBytes(StandardCharsets.UTF_8).length;
        int repeat = (64 << 20) / lineBytes + 1;
        String text = line.repeat(repeat);
        try (TextEngine e = TextEngine.builder().maxInstances(1).build()) {
            long before = e.instanceMemory()[0];
            String nfkc = e.normalize(text, NormalizationForm.NFKC);
            String want = e.normalize(line, NormalizationForm.NFKC).repeat(repeat);
            assertEquals(want.length(), nfkc.length());
            assertTrue(want.equals(nfkc), "64 MiB NFKC (String) differs from the line's NFKC repeated");
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            assertTrue(utf8.length >= 64 << 20);
            byte[] nfc = e.normalize(utf8, NormalizationForm.NFC, NormalizationOptions.DEFAULT);
            assertTrue(java.util.Arrays.equals(e.normalize(line, NormalizationForm.NFC).repeat(repeat).getBytes(StandardCharsets.UTF_8), nfc),
                    "64 MiB NFC (byte[]) differs from the line's NFC repeated");
            assertEquals((long) e.countGraphemes(line) * repeat, e.count(utf8, "graphemes", false));
            long after = e.instanceMemory()[0];
            assertTrue(after <= before + (16L << 20), "after the large calls an instance holds " + after + " bytes (before: " + before + ")");
        }
    }

    // ------------------------------------------------------------------ engine life cycle

    @Test
    void theEngineStaysUsableAfterExceptions() {
        try (TextEngine e = TextEngine.builder().maxInstances(1).maxMemoryMiB(8).build()) {
            for (int round = 0; round < 3; round++) {
                assertThrows(InvalidUtf8Exception.class, () -> e.normalize(bytes(0x61, 0xFF), NormalizationForm.NFC, NormalizationOptions.DEFAULT));
                assertEquals("\u00C5", e.normalize("A\u030A", NormalizationForm.NFC));
                assertThrows(IllegalArgumentException.class, () -> e.truncate("abcdef", Truncation.utf8Bytes(1).withEllipsis("…")));
                assertEquals("ab", e.truncate("abcdef", Truncation.utf8Bytes(2)));
                // More than 8 MiB of linear memory: a limit, named as such, and then normal service.
                String big = "x\u0301".repeat(5 << 20);
                LimitExceededException x = assertThrows(LimitExceededException.class, () -> e.normalize(big, NormalizationForm.NFC));
                assertTrue(x.getMessage().contains("MiB"), x.getMessage());
                assertEquals(3, e.countGraphemes("a\u0301bc"));
                assertEquals(List.of("x"), e.tokenize("x").stream().map(Token::text).toList());
            }
        }
    }

    @Test
    void closeThenUseFailsClearly() {
        TextEngine e = TextEngine.create();
        assertEquals("\u00E9", e.normalize("e\u0301", NormalizationForm.NFC));
        e.close();
        e.close(); // idempotent
        IllegalStateException x = assertThrows(IllegalStateException.class, () -> e.normalize("e\u0301", NormalizationForm.NFC));
        assertTrue(x.getMessage().toLowerCase(java.util.Locale.ROOT).contains("closed"), x.getMessage());
        assertThrows(IllegalStateException.class, () -> e.normalize(new byte[] {'x'}, NormalizationForm.NFC, NormalizationOptions.DEFAULT));
        assertThrows(IllegalStateException.class, () -> e.countGraphemes("x"));
        assertThrows(IllegalStateException.class, () -> e.tokenize("x"));
        assertThrows(IllegalStateException.class, () -> e.truncate("xyz", Truncation.graphemes(1)));
        assertThrows(IllegalStateException.class, () -> e.segment("x", Granularity.WORD));
        try (TextEngine fresh = TextEngine.create()) {
            assertFalse(fresh.normalize("x", NormalizationForm.NFC).isEmpty(), "a new engine works");
        }
        // Last, so the checks above still run: text the host's quick check accepts (RegressionTest).
        assertThrows(IllegalStateException.class, () -> e.normalize("x", NormalizationForm.NFC));
        assertThrows(IllegalStateException.class, () -> e.isNormalized("x", NormalizationForm.NFC));
    }
}
