package io.textwasm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.NormalizationForm;
import io.textwasm.TextEngine;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Engines;
import io.textwasm.testkit.RandomTextGenerator;
import io.textwasm.testkit.Seeds;
import io.textwasm.testkit.Jvm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI streams: {@code java -Xmx96m ... io.textwasm.cli.Main normalize --form NFKC} in a
 * separate JVM normalizes 300 MB fed through its standard input by a producer thread (generated
 * on the fly, never a file), and its output is checked byte for byte as it arrives.
 *
 * <p>How the expected output is known without a second 300 MB normalization: the stream is a
 * random sequence of 32 distinct blocks of about 256 KiB of mixed scripts (decomposed Latin,
 * Greek, Cyrillic, CJK and compatibility ideographs, full- and half-width forms, Hangul jamo,
 * emoji sequences, runs of combining marks, lines of up to 100 KiB without a line feed). Each
 * block ends with U+000A, which no normalization reaches across, so the output is the
 * concatenation of each block's NFKC, computed once in-process. The subprocess knows nothing of
 * blocks: it cuts its chunks wherever its own safe-cut logic decides.
 */
class CliStreamingTest {
    static final long TOTAL_BYTES = 300_000_000L;
    static final int BLOCKS = 32;

    private static byte[] block(RandomTextGenerator gen, int k) {
        Random r = gen.random();
        StringBuilder b = new StringBuilder(300_000);
        while (b.length() < 128_000) { // chars; about 256 KiB of UTF-8
            switch (r.nextInt(8)) {
                case 0:
                    // A long line without a line feed: the streamer must find cut points inside it.
                    if (k % 4 == 0) {
                        StringBuilder line = new StringBuilder();
                        while (line.length() < 50_000) {
                            line.append(gen.normalizationString()).append(' ');
                        }
                        b.append(line).append('\n');
                    }
                    break;
                case 1:
                    // A run of combining marks in no particular order (no safe cut inside it).
                    b.append('a');
                    for (int i = 0; i < 300; i++) {
                        b.append((char) (0x0300 + r.nextInt(0x4F)));
                    }
                    b.append('\n');
                    break;
                case 2:
                    b.append(gen.segmentationString()).append('\n');
                    break;
                case 3:
                    b.append(gen.normalizationString()).append(gen.normalizationString()).append('\n');
                    break;
                default:
                    b.append(gen.prose()).append('\n');
            }
        }
        if (b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
        return Cps.replaceUnpairedSurrogates(b).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void normalizes300MegabytesThroughA96MegabyteHeap() throws Exception {
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("CliStreamingTest"));
        TextEngine engine = Engines.aot();
        byte[][] in = new byte[BLOCKS][];
        byte[][] out = new byte[BLOCKS][];
        for (int k = 0; k < BLOCKS; k++) {
            in[k] = block(gen, k);
            out[k] = engine.normalize(new String(in[k], StandardCharsets.UTF_8), NormalizationForm.NFKC).getBytes(StandardCharsets.UTF_8);
        }
        List<Integer> sequence = new ArrayList<>();
        long inTotal = 0;
        long outTotal = 0;
        while (inTotal < TOTAL_BYTES) {
            int k = gen.random().nextInt(BLOCKS);
            sequence.add(k);
            inTotal += in[k].length;
            outTotal += out[k].length;
        }

        Process p = Jvm.withTestClassPath("-Xmx96m", "io.textwasm.cli.Main", "normalize", "--form", "NFKC").start();
        long started = System.nanoTime();
        AtomicReference<Throwable> producerError = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try (OutputStream stdin = p.getOutputStream()) {
                for (int k : sequence) {
                    stdin.write(in[k]);
                }
            } catch (Throwable t) {
                producerError.set(t);
            }
        }, "cli-streaming-producer");
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread errReader = new Thread(() -> {
            try (InputStream err = p.getErrorStream()) {
                err.transferTo(stderr);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "cli-streaming-stderr");
        producer.start();
        errReader.start();

        // Compare as the output arrives: a cursor walks the expected blocks.
        AtomicLong received = new AtomicLong();
        String mismatch = null;
        try (InputStream stdout = p.getInputStream()) {
            byte[] buf = new byte[1 << 16];
            int seqIndex = 0;
            int inBlock = 0;
            for (int n; (n = stdout.read(buf)) > 0 && mismatch == null; ) {
                for (int i = 0; i < n; i++) {
                    if (seqIndex >= sequence.size()) {
                        mismatch = "more output than expected (" + outTotal + " bytes)";
                        break;
                    }
                    byte[] want = out[sequence.get(seqIndex)];
                    if (buf[i] != want[inBlock]) {
                        mismatch = "output byte " + (received.get() + i) + " (block " + sequence.get(seqIndex) + ", offset " + inBlock
                                + ") is " + String.format("%02X", buf[i]) + ", expected " + String.format("%02X", want[inBlock])
                                + "; expected around it: " + Cps.escape(new String(want, Math.max(0, inBlock - 24),
                                        Math.min(want.length, inBlock + 24) - Math.max(0, inBlock - 24), StandardCharsets.UTF_8));
                        break;
                    }
                    if (++inBlock == want.length) {
                        seqIndex++;
                        inBlock = 0;
                    }
                }
                received.addAndGet(n);
            }
        } finally {
            if (mismatch != null) {
                p.destroyForcibly();
            }
        }
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        producer.join(TimeUnit.MINUTES.toMillis(1));
        errReader.join(TimeUnit.MINUTES.toMillis(1));
        double secs = (System.nanoTime() - started) / 1e9;
        System.out.printf("CliStreamingTest: %,d bytes in, %,d bytes out in %.1f s (%.1f MB/s) through -Xmx96m%n",
                inTotal, received.get(), secs, inTotal / secs / 1e6);
        assertTrue(mismatch == null, mismatch + Seeds.hint());
        assertTrue(ended, "the CLI did not finish");
        assertEquals("", stderr.toString(StandardCharsets.UTF_8), "stderr");
        assertEquals(0, p.exitValue(), "exit code");
        assertTrue(producerError.get() == null, "producer: " + producerError.get());
        assertEquals(outTotal, received.get(), "output bytes");
        assertTrue(inTotal >= TOTAL_BYTES);
    }

    /**
     * README: "a 20 MB one-line file tokenizes through a 96 MB heap". The line has spaces but no
     * line feed, so the CLI must cut it in pieces between a space and an ASCII character; the
     * output's lines are counted as they stream out, one per expected token.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aTwentyMegabyteLineTokenizesThroughA96MegabyteHeap(@TempDir Path dir) throws IOException, InterruptedException {
        String[] words = {"alpha", "beta", "Gamma", "δέλτα", "epsilon", "日本語", "zeta", "3.14", "eta,", "théta"};
        StringBuilder line = new StringBuilder(21_000_000);
        Random r = new Random(20);
        long tokens = 0;
        while (line.length() < 20_000_000) {
            String w = words[r.nextInt(words.length)];
            line.append(w).append(' ');
            // Segments: the word (日本語 is three, "eta," two), then the space.
            tokens += (w.equals("日本語") ? 3 : w.endsWith(",") ? 2 : 1) + 1;
        }
        Path file = dir.resolve("one-line.txt");
        Files.writeString(file, line, StandardCharsets.UTF_8);
        Process p = Jvm.withTestClassPath("-Xmx96m", "io.textwasm.cli.Main", "tokenize", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long lines = 0;
        try (InputStream out = p.getInputStream()) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = out.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the CLI did not finish");
        assertEquals(0, p.exitValue(), "exit code (an OutOfMemoryError is status 1)");
        assertEquals(tokens, lines, "one line per token");
        long bytes = Files.size(file);
        assertTrue(lines > 5_000_000 && bytes > 20_000_000, lines + " tokens in " + bytes + " bytes");
    }
}
