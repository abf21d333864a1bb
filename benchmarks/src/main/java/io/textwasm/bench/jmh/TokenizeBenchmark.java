package io.textwasm.bench.jmh;

import io.textwasm.Token;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every word segment as a {@link Token} (text, kind, UTF-16 offsets), then a walk over them, as
 * any caller makes. Every JVM contender returns a {@code List<Token>} of {@link Token#slice}s,
 * whose text is cut when first read: {@link #tokenize} reads each token's kind and offsets;
 * {@link #tokenizeReadingText} also reads every token's text (one shared String for a
 * one-character ASCII token, a substring for the others). The libraries' contenders fill an
 * ArrayList; textwasm's list holds offsets and kinds and makes each Token as it is read, which
 * the walk pays for.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TokenizeBenchmark {

    /** The UTF-8 encoding every textwasm call starts with. */
    @Benchmark
    public byte[] baseline(TextInput in) {
        return in.text.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public long tokenize(TextInput in, ContenderState who) {
        return walk(who.c.tokenize(in.text));
    }

    @Benchmark
    public void tokenizeReadingText(TextInput in, ContenderState who, Blackhole bh) {
        List<Token> tokens = who.c.tokenize(in.text);
        for (int i = 0, n = tokens.size(); i < n; i++) {
            bh.consume(tokens.get(i).text());
        }
    }

    /** Reads every token's kind and offsets, into a sum the Blackhole takes. */
    static long walk(List<Token> tokens) {
        long sum = 0;
        for (int i = 0, n = tokens.size(); i < n; i++) {
            Token t = tokens.get(i);
            sum += t.start() + 3L * t.end() + t.kind().ordinal();
        }
        return sum;
    }
}
