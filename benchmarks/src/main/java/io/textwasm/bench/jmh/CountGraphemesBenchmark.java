package io.textwasm.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Extended grapheme clusters (user-perceived characters) in a text. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CountGraphemesBenchmark {

    /** The UTF-8 encoding every textwasm call starts with. */
    @Benchmark
    public byte[] baseline(TextInput in) {
        return in.text.getBytes(StandardCharsets.UTF_8);
    }

    // Returned, not ignored (dead-code elimination). java.text on JDK 17 answers an older
    // question (legacy clusters without emoji sequences), so its figure is not like for like.
    @Benchmark
    public int countGraphemes(TextInput in, ContenderState who) {
        return who.c.countGraphemes(in.text);
    }
}
