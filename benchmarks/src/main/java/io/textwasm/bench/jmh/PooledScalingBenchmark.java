package io.textwasm.bench.jmh;

import io.textwasm.NormalizationForm;
import io.textwasm.bench.contender.Contender;
import io.textwasm.bench.corpus.Corpora;
import io.textwasm.bench.corpus.Corpus;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of one shared {@link io.textwasm.TextEngine} (its instance pool) when several
 * threads call it at once. The harness runs this with 1 and 2 threads (JMH -t); the ratio is
 * the scaling. ICU4J runs beside it as the JVM's own ceiling on this machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PooledScalingBenchmark {

    @State(Scope.Benchmark)
    public static class Texts {
        // Non-final, set at setup (constant folding).
        public String english;
        public String french;

        @Setup(Level.Trial)
        public void load() {
            english = Corpora.text(Corpus.ENGLISH, "10KB");
            french = Corpora.text(Corpus.FRENCH_NFD, "10KB");
        }
    }

    /**
     * Per thread, so ICU4J's break iterators (not thread-safe) are never shared; the textwasm
     * contenders of all threads share one engine (see TextwasmContender.shared).
     */
    @State(Scope.Thread)
    public static class PerThread {
        @Param({"aot", "icu4j"})
        public String contender;

        public Contender c;

        @Setup(Level.Trial)
        public void create() {
            c = Contender.create(contender);
        }
    }

    /** Reading a field, the least a thread can do per call: shows the harness's own ceiling. */
    @Benchmark
    public int baseline(Texts t) {
        return t.english.length();
    }

    @Benchmark
    public int countWords(Texts t, PerThread who) {
        return who.c.countWords(t.english);
    }

    @Benchmark
    public String normalizeNfc(Texts t, PerThread who) {
        return who.c.normalize(t.french, NormalizationForm.NFC);
    }
}
