package io.textwasm.bench.jmh;

import io.textwasm.Token;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Every word segment as a {@link Token} (text, kind, UTF-16 offsets). Every contender builds a
 * Token per segment; the String API shares one String per one-character ASCII token (a space, a
 * comma: about half the tokens of English), where the others make a substring for each.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenizeBenchmark {

    /** The UTF-8 encoding every textwasm call starts with. */
    @Benchmark
    public byte[] baseline(TextInput in) {
        return in.text.getBytes(StandardCharsets.UTF_8);
    }

    // The list is returned, so the JIT must build every token (escape analysis cannot remove
    // objects that escape to the Blackhole).
    @Benchmark
    public List<Token> tokenize(TextInput in, ContenderState who) {
        return who.c.tokenize(in.text);
    }
}
