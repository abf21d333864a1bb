package io.textwasm.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Word count: UAX #29 word segments that hold a letter, number, ideograph or kana (textwasm);
 * segments whose rule status is not NONE (ICU4J); segments starting with a letter or digit
 * (java.text, which has no rule status).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CountWordsBenchmark {

    /** The UTF-8 encoding every textwasm call starts with. */
    @Benchmark
    public byte[] baseline(TextInput in) {
        return in.text.getBytes(StandardCharsets.UTF_8);
    }

    // The count is returned: an int nobody reads would let the JIT drop the loop that made it.
    @Benchmark
    public int countWords(TextInput in, ContenderState who) {
        return who.c.countWords(in.text);
    }
}
