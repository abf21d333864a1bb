package io.textwasm.size.cli;

import static io.textwasm.size.TestSupport.assertOneLineError;
import static io.textwasm.size.TestSupport.fixtureBytes;
import static io.textwasm.size.TestSupport.memoryHost;
import static io.textwasm.size.TestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.size.TestSupport;
import io.textwasm.size.TestSupport.Run;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A bounded mutation fuzzer over the fixtures: bit flips, truncations, byte insertions and
 * overwrites with "interesting" bytes (LEB128 continuation, 0xFF). Each mutant must either be
 * reported (exit 0, nothing on stderr) or rejected with exit 2 and one line. The seed is fixed
 * for reproducibility and printed so a failure can be replayed with -Dfuzz.seed=N.
 *
 * <p>Compression is replaced by a no-op: Brotli at quality 11 costs about a millisecond per
 * call, which would turn 20,000 iterations into a minute; compression never sees anything
 * but the raw bytes, so it has no parsing to fuzz.
 */
class FuzzTest {
    private static final int ITERATIONS = 20_000;
    private static final int[] INTERESTING = {0x00, 0x01, 0x0B, 0x7F, 0x80, 0xFF};

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void mutatedFixturesParseOrFailWithOneLine() {
        long seed = Long.getLong("fuzz.seed", 0x7e57_a5e5L);
        System.out.println("FuzzTest seed=" + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<byte[]> corpus = TestSupport.FIXTURES.stream().map(TestSupport::fixtureBytes).toList();
        Map<String, byte[]> files = new HashMap<>();
        var host = memoryHost(files);
        int parsed = 0;
        int rejected = 0;
        long start = System.nanoTime();
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] input = mutate(corpus.get(random.nextInt(corpus.size())), random);
            files.put("fuzz.wasm", input);
            Run r = run(host, "fuzz.wasm", "--format", i % 3 == 0 ? "json" : "text");
            if (r.status() == 0) {
                assertEquals("", r.err(), "seed " + seed + " iteration " + i);
                parsed++;
            } else {
                assertOneLineError(r, "seed " + seed + " iteration " + i + " input " + Arrays.toString(input));
                rejected++;
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("FuzzTest: " + ITERATIONS + " iterations in " + millis + " ms, " + parsed + " parsed, "
                + rejected + " rejected");
        // Both outcomes must occur, or the mutations are too mild (or too wild) to test anything.
        assertTrue(parsed > ITERATIONS / 50, "parsed=" + parsed);
        assertTrue(rejected > ITERATIONS / 5, "rejected=" + rejected);
    }

    static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            if (b.length == 0) {
                b = new byte[] {(byte) random.nextInt(256)};
                continue;
            }
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b = Arrays.copyOf(b, at);
                case 2 -> {
                    byte[] grown = new byte[b.length + 1];
                    System.arraycopy(b, 0, grown, 0, at);
                    grown[at] = (byte) random.nextInt(256);
                    System.arraycopy(b, at, grown, at + 1, b.length - at);
                    b = grown;
                }
                case 3 -> b[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
                default -> {
                    // Keep the preamble intact more often, so mutations reach the sections.
                    int from = Math.max(8, at);
                    if (from < b.length) {
                        b[from] = (byte) random.nextInt(256);
                    }
                }
            }
        }
        return b;
    }

    @Test
    void fixturesStillParseUnmutated() {
        for (String f : TestSupport.FIXTURES) {
            Run r = run(memoryHost(Map.of(f + ".wasm", fixtureBytes(f))), f + ".wasm");
            assertEquals(0, r.status(), f + ": " + r.err());
        }
    }
}
