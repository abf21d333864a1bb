package io.textwasm.bench.jmh;

import io.textwasm.bench.corpus.Corpora;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Truncation to 280 UTF-8 bytes without splitting a grapheme cluster. Its cost should depend on
 * the budget, not the text: the 1 MB case must cost about what the 1 KB case does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TruncateBenchmark {

    /**
     * The least any implementation does: encode a prefix a little over the budget (what the
     * textwasm host hands the core).
     */
    @Benchmark
    public byte[] baseline(TextInput in) {
        String s = in.text;
        return s.substring(0, Math.min(s.length(), Corpora.TRUNCATE_BYTES + 64)).getBytes(StandardCharsets.UTF_8);
    }

    // The budget comes from a constant, but the text does not: a constant budget cannot fold the
    // call away. The prefix is returned (dead-code elimination).
    @Benchmark
    public String truncate(TextInput in, ContenderState who) {
        return who.c.truncateUtf8(in.text, Corpora.TRUNCATE_BYTES);
    }
}
