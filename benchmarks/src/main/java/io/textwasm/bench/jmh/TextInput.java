package io.textwasm.bench.jmh;

import io.textwasm.bench.corpus.Corpora;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The text of one corpus at one size. */
@State(Scope.Benchmark)
public class TextInput {
    @Param({"english", "french-nfd", "japanese", "korean", "emoji"})
    public String corpus;

    @Param({"1KB", "10KB", "100KB", "1MB"})
    public String size;

    // Not final, and set in @Setup: a final or constant input would let the JIT fold work on it
    // (JMH sample 10, constant folding).
    public String text;

    @Setup(Level.Trial)
    public void load() {
        text = Corpora.text(corpus, size);
    }
}
