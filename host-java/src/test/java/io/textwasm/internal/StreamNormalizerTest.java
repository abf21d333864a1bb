package io.textwasm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.Backend;
import io.textwasm.LimitExceededException;
import io.textwasm.NormalizationForm;
import io.textwasm.NormalizationOptions;
import io.textwasm.TextEngine;
import io.textwasm.testkit.Cps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Streaming normalization of inputs that defeat cutting: long runs of whitespace under
 * whitespace collapsing (cut before any whitespace code point) and long runs of marks (no cut at
 * all), with a small carry limit so the runs can be longer than it.
 */
class StreamNormalizerTest {
    static final int LIMIT = 256 << 10;
    static InstancePool pool;
    static TextEngine engine;

    @BeforeAll
    static void load() {
        pool = new InstancePool(CoreModule.load(Backend.AOT), 1, 65536, 256);
        engine = TextEngine.create();
    }

    @AfterAll
    static void close() {
        pool.close();
        engine.close();
    }

    /** An InputStream that hands out at most {@code step} bytes per read, as pipes and Readers do. */
    static InputStream trickle(byte[] b, int step) {
        return new ByteArrayInputStream(b) {
            @Override
            public synchronized int read(byte[] out, int off, int len) {
                return super.read(out, off, Math.min(len, step));
            }
        };
    }

    static String stream(StreamNormalizer n, String text, int step) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        n.run(trickle(text.getBytes(StandardCharsets.UTF_8), step), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("whitespace runs longer than the carry limit stream under whitespace collapsing")
    void longWhitespaceRuns() throws IOException {
        NormalizationOptions o = NormalizationOptions.DEFAULT.withCollapsedWhitespace();
        String[] runs = {" ", "\n", "\u3000", " \t\n\u00A0\u2003"};
        for (NormalizationForm form : NormalizationForm.values()) {
            for (String ws : runs) {
                String text = "a" + ws.repeat(4 * LIMIT / ws.length()) + "b\u0301" + ws.repeat(LIMIT) + "c" + ws.repeat(LIMIT);
                String got = stream(new StreamNormalizer(pool, StableTextTest.flags(form, o), LIMIT), text, 8192);
                assertEquals(engine.normalize("a b\u0301 c", form, o), got, form + " with runs of " + Cps.escape(ws));
            }
        }
    }

    @Test
    @DisplayName("a run of marks longer than the carry limit is refused with a message that says what to do")
    void longMarkRunIsRefused() {
        String text = "a" + "\u0301".repeat(LIMIT);
        StreamNormalizer n = new StreamNormalizer(pool, StableTextTest.flags(NormalizationForm.NFC, NormalizationOptions.DEFAULT), LIMIT);
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> stream(n, text, 8192));
        assertTrue(e.getMessage().contains("256 KiB") && e.getMessage().contains("in one piece"), e.getMessage());
    }

    @Test
    @DisplayName("under whitespace collapsing, a space kept for the next chunk after unchanged text is not lost")
    void spaceAfterAnUnchangedChunk() throws IOException {
        // The first call's text is unchanged, so the core wrote nothing and reported that nothing
        // had been written: the next call trimmed the space as leading whitespace ("a...ab").
        NormalizationOptions o = NormalizationOptions.DEFAULT.withCollapsedWhitespace();
        for (String text : new String[] {"a".repeat(65_535) + " b", "abcdefg ".repeat(20_000)}) {
            for (int step : new int[] {8192, 65_536, 1 << 20}) {
                String got = stream(new StreamNormalizer(pool, StableTextTest.flags(NormalizationForm.NFC, o), LIMIT), text, step);
                assertEquals(engine.normalize(text, NormalizationForm.NFC, o), got, "read " + step + " bytes at a time");
            }
        }
    }

    @Test
    @DisplayName("a run of ill-formed bytes longer than the carry limit is an error, or U+FFFDs with lossy decoding")
    void longIllFormedRuns() throws IOException {
        // It had no cut point, so it was refused as if it were a run of marks.
        byte[] bytes = new byte[4 * LIMIT];
        java.util.Arrays.fill(bytes, (byte) 0x80);
        System.arraycopy("ok ".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 3);
        int nfc = StableTextTest.flags(NormalizationForm.NFC, NormalizationOptions.DEFAULT);
        io.textwasm.InvalidUtf8Exception e = assertThrows(io.textwasm.InvalidUtf8Exception.class,
                () -> new StreamNormalizer(pool, nfc, LIMIT).run(trickle(bytes, 8192), new ByteArrayOutputStream(), null));
        assertEquals(3L, e.offset());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StreamNormalizer(pool, nfc | Abi.LOSSY, LIMIT).run(trickle(bytes, 8192), out, null);
        assertEquals("ok " + "\uFFFD".repeat(bytes.length - 3), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("a carried tail is retried only when the buffer has doubled, however small the reads")
    void tailIsNotRescannedPerRead() throws IOException {
        // 200 KB of marks after one base: no cut point until the end. Read 64 bytes at a time, a
        // retry per read would be over 3,000 calls; doubling from 64 KiB needs a handful.
        String text = "a" + "\u0301".repeat(100_000) + " end";
        StreamNormalizer n = new StreamNormalizer(pool, StableTextTest.flags(NormalizationForm.NFC, NormalizationOptions.DEFAULT));
        String got = stream(n, text, 64);
        assertEquals(engine.normalize(text, NormalizationForm.NFC), got);
        assertTrue(n.calls <= 6, n.calls + " calls into the core");
    }
}
