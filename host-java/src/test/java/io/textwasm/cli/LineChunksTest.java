package io.textwasm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.Granularity;
import io.textwasm.TextEngine;
import io.textwasm.TokenizeOptions;
import io.textwasm.internal.Json;
import io.textwasm.internal.SegmentCuts;
import io.textwasm.testkit.Engines;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The CLI's chunking: bounded pieces, cut only where UAX #29 breaks whatever surrounds the cut. */
class LineChunksTest {
    /** About {@code bytes} of one line: words in several scripts, emoji and marks, no line feed. */
    static byte[] longLine(int bytes) {
        String[] words = {"alpha", "épée", "e\u0301te\u0301", "日本語", "한국어", "👩\u200D👩\u200D👧", "don't", "3.14", "🇫🇷", "(x)", "  ", "\u0301"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < bytes / 2; i++) {
            b.append(words[(int) ((i * 2654435761L) % words.length)]).append(' ');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static List<byte[]> chunks(byte[] in) throws IOException {
        List<byte[]> out = new ArrayList<>();
        LineChunks.read("test", new ByteArrayInputStream(in), (buf, len, base) -> out.add(java.util.Arrays.copyOf(buf, len)));
        return out;
    }

    @Test
    @DisplayName("reads of any size give the chunks that whole reads give, cut after the last line feed read so far")
    void smallReadsGiveTheSameCuts() throws IOException {
        // The line feed search now remembers how far it has looked (a pipe's 64 KiB reads used to
        // rescan the whole buffer each time); a line feed in any earlier read must still count.
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < 3 * LineChunks.CHUNK; i++) {
            b.append(i % 97 == 0 ? "x".repeat(40_000) : "line " + i).append(i % 5 == 0 ? "\n" : "-");
        }
        byte[] in = b.toString().getBytes(StandardCharsets.UTF_8);
        for (int step : new int[] {1 << 16, 4093, 1 << 20}) {
            List<byte[]> parts = new ArrayList<>();
            LineChunks.read("test", new ByteArrayInputStream(in) {
                @Override
                public synchronized int read(byte[] out, int off, int len) {
                    return super.read(out, off, Math.min(len, step));
                }
            }, (buf, len, base) -> parts.add(java.util.Arrays.copyOf(buf, len)));
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            for (int k = 0; k < parts.size(); k++) {
                byte[] p = parts.get(k);
                joined.writeBytes(p);
                if (k + 1 < parts.size()) {
                    assertEquals('\n', p[p.length - 1], "chunk " + k + " of reads of " + step + " does not end after a line feed");
                }
            }
            assertArrayEquals(in, joined.toByteArray(), "reads of " + step);
        }
    }

    @Test
    @DisplayName("a piece past the limit with no cut in it is refused as a limit (status 1), not a usage mistake")
    void aPieceWithoutACutPastTheLimitIsALimit() {
        byte[] in = new byte[3 << 20];
        java.util.Arrays.fill(in, (byte) 'a');
        io.textwasm.LimitExceededException e = org.junit.jupiter.api.Assertions.assertThrows(io.textwasm.LimitExceededException.class,
                () -> LineChunks.read("in.txt", new ByteArrayInputStream(in), (buf, len, base) -> { }, 2 << 20));
        assertEquals("in.txt: more than 2 MiB without a line feed or a space to cut at", e.getMessage());
    }

    @Test
    @DisplayName("a line longer than the buffer is cut after spaces, into chunks no larger than the buffer")
    void longLineIsCutAfterSpaces() throws IOException {
        byte[] in = longLine(5 * LineChunks.CHUNK);
        List<byte[]> parts = chunks(in);
        assertTrue(parts.size() >= in.length / LineChunks.CHUNK, "chunks: " + parts.size());
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            assertTrue(p.length <= LineChunks.CHUNK, "a chunk of " + p.length + " bytes");
            joined.writeBytes(p);
            int end = joined.size();
            if (end < in.length) {
                assertTrue(SegmentCuts.isCut(in, end, in.length), "cut at " + end + " is not allowed");
            }
        }
        assertArrayEquals(in, joined.toByteArray());
    }

    private static String jsonlTokens(List<io.textwasm.Token> tokens) {
        StringBuilder b = new StringBuilder();
        for (io.textwasm.Token t : tokens) {
            b.append("{\"start\":").append(t.start()).append(",\"end\":").append(t.end()).append(",\"kind\":\"")
                    .append(t.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\",\"text\":").append(Json.quote(t.text()))
                    .append("}").append(System.lineSeparator());
        }
        return b.toString();
    }

    @Test
    @DisplayName("tokenize, segment and count on a long line give the whole text's answers")
    void chunkedAnswersAreTheWholeTextsAnswers() {
        TextEngine engine = Engines.aot();
        byte[] in = longLine(3 * LineChunks.CHUNK);
        String text = new String(in, StandardCharsets.UTF_8);

        CliTest.Run tokens = CliTest.run(in, "tokenize", "--format", "jsonl");
        CliTest.assertOk(tokens);
        // Every token as the core's byte API gives it for the whole text: the CLI's host path
        // (well-formed pieces) computes its own UTF-8 offsets; under --lossy a piece with
        // ill-formed bytes takes the core's path, which has its own.
        String wantTokens = jsonlTokens(engine.tokenizeUtf8(in, TokenizeOptions.DEFAULT, false, 0));
        assertEquals(wantTokens, tokens.stdout());
        CliTest.Run lossyTokens = CliTest.run(in, "tokenize", "--format", "jsonl", "--lossy");
        CliTest.assertOk(lossyTokens);
        assertEquals(wantTokens, lossyTokens.stdout());
        byte[] bad = in.clone();
        for (int at = bad.length / 2; ; at++) {
            if (bad[at] >= 'a' && bad[at] <= 'z') {
                bad[at] = (byte) 0xFF; // one ill-formed piece among well-formed ones
                break;
            }
        }
        CliTest.Run badTokens = CliTest.run(bad, "tokenize", "--format", "jsonl", "--lossy");
        CliTest.assertOk(badTokens);
        assertEquals(jsonlTokens(engine.tokenizeUtf8(bad, TokenizeOptions.DEFAULT, true, 0)), badTokens.stdout());

        CliTest.Run words = CliTest.run(in, "segment", "--words", "--format", "jsonl");
        CliTest.assertOk(words);
        int[] whole = engine.segment(in, Granularity.WORD, false);
        StringBuilder want = new StringBuilder();
        for (int i = 0; i + 1 < whole.length; i++) {
            String piece = new String(in, whole[i], whole[i + 1] - whole[i], StandardCharsets.UTF_8);
            want.append("{\"start\":").append(whole[i]).append(",\"end\":").append(whole[i + 1]).append(",\"text\":")
                    .append(Json.quote(piece)).append("}").append(System.lineSeparator());
        }
        assertEquals(want.toString(), words.stdout());

        CliTest.Run graphemes = CliTest.run(in, "count", "--graphemes");
        CliTest.assertOk(graphemes);
        assertEquals(engine.countGraphemes(text) + "\n", graphemes.stdout());
    }
}
