package io.textwasm.bench.jmh;

import io.textwasm.NormalizationForm;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Normalization of a whole text to a String, the call an application makes. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NormalizeBenchmark {

    @State(Scope.Benchmark)
    public static class Form {
        @Param({"NFC", "NFKC", "NFKC_CASEFOLD"})
        public NormalizationForm form;
    }

    /**
     * The floor under every textwasm call: encoding the input to UTF-8, which the host must do
     * before the core sees a byte. Returned, so it is not dead code.
     */
    @Benchmark
    public byte[] baseline(TextInput in) {
        return in.text.getBytes(StandardCharsets.UTF_8);
    }

    // The result is returned: JMH consumes it, so the JIT cannot drop the call as dead code.
    // Text that is already normalized comes back as the same String from every contender; that
    // is each one's fast path and is what is measured.
    @Benchmark
    public String normalize(TextInput in, Form f, ContenderState who) {
        return who.c.normalize(in.text, f.form);
    }
}
