package io.textwasm.bench.jmh;

import io.textwasm.bench.corpus.Corpora;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The seed's own figures, on the inputs it names: word count of 10,000 words (claimed 200 µs)
 * and tokenize 1,000 tokens (claimed 45 µs). Truncating 1 MB (claimed 5 µs) and normalizing
 * 10 KB and 100 KB are cells of the main matrix.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SeedCasesBenchmark {

    @State(Scope.Benchmark)
    public static class Inputs {
        // Non-final fields set at setup (constant folding).
        public String tenThousandWords;
        public String thousandTokens;

        @Setup(Level.Trial)
        public void load() {
            tenThousandWords = Corpora.seedWords();
            thousandTokens = Corpora.seedTokens();
        }
    }

    /** The UTF-8 encoding of the word-count input, which every textwasm call starts with. */
    @Benchmark
    public byte[] baseline(Inputs in) {
        return in.tenThousandWords.getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public int countWords10kWords(Inputs in, ContenderState who) {
        return who.c.countWords(in.tenThousandWords);
    }

    @Benchmark
    public long tokenize1kTokens(Inputs in, ContenderState who) {
        return TokenizeBenchmark.walk(who.c.tokenize(in.thousandTokens)); // as TokenizeBenchmark.tokenize
    }
}
