package io.textwasm.bench.jmh;

import io.textwasm.NormalizationForm;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** The NFC quick check over a whole text: yes or no, no output string. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IsNormalizedBenchmark {

    /** The UTF-8 encoding every textwasm call starts with. */
    @Benchmark
    public byte[] baseline(TextInput in) {
        return in.text.getBytes(StandardCharsets.UTF_8);
    }

    // A boolean result is returned rather than ignored: an unused answer lets the JIT remove the
    // whole pure computation behind it (dead-code elimination).
    @Benchmark
    public boolean isNormalized(TextInput in, ContenderState who) {
        return who.c.isNormalized(in.text, NormalizationForm.NFC);
    }
}
