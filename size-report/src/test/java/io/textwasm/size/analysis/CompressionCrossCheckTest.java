package io.textwasm.size.analysis;

import static io.textwasm.size.TestSupport.fixture;
import static io.textwasm.size.TestSupport.fixtureBytes;
import static io.textwasm.size.TestSupport.realHost;
import static io.textwasm.size.TestSupport.run;
import static io.textwasm.size.TestSupport.runTool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.size.TestSupport;
import io.textwasm.size.TestSupport.Run;
import io.textwasm.size.json.Json;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Compressed sizes checked against the command-line tools at the same settings. */
class CompressionCrossCheckTest {

    static Stream<String> fixtures() {
        return TestSupport.FIXTURES.stream();
    }

    private static long brotliCli(Path file) {
        // Same as `brotli -q 11 -w 24 -c FILE | wc -c`.
        return runTool(List.of("brotli", "-q", "11", "-w", "24", "-c", file.toString())).length;
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void brotliMatchesTheBrotliCommand(String fixture) {
        assertEquals(brotliCli(fixture(fixture)), new BrotliCompressor().compressedSize(fixtureBytes(fixture)), fixture);
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void reportedBrotliAndGzipMatchTheCommands(String fixture) {
        Run r = run(realHost(), fixture(fixture).toString(), "--format", "json");
        assertEquals(0, r.status(), r.err());
        Map<?, ?> totals = (Map<?, ?>) ((Map<?, ?>) Json.parse(r.out())).get("totals");
        assertEquals(BigDecimal.valueOf(brotliCli(fixture(fixture))), totals.get("brotli"), fixture + " brotli");
        // GNU gzip's deflate and zlib's (which java.util.zip uses) pick the same matches at -9
        // on these inputs; -n leaves out the name and time stamp, as the JDK does.
        long gzip = runTool(List.of("gzip", "-9", "-n", "-c", fixture(fixture).toString())).length;
        assertEquals(BigDecimal.valueOf(gzip), totals.get("gzip"), fixture + " gzip");
    }

    /** Larger than the fixtures, so the window and block splitting actually matter. */
    @Test
    void brotliMatchesOnAHalfMegabyteInput(@TempDir Path dir) throws IOException {
        Random random = new Random(42);
        byte[] data = new byte[512 * 1024];
        byte[] named = fixtureBytes("named");
        for (int i = 0; i < data.length; i++) {
            // Mostly repeats of a real module with some noise: compressible, but not trivially.
            data[i] = random.nextInt(8) == 0 ? (byte) random.nextInt(256) : named[i % named.length];
        }
        Path file = dir.resolve("big.bin");
        Files.write(file, data);
        long expected = brotliCli(file);
        assertEquals(expected, new BrotliCompressor().compressedSize(data));
        assertTrue(expected < data.length / 2, "sanity: the input compresses");
    }
}
