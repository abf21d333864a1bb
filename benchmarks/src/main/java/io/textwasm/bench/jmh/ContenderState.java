package io.textwasm.bench.jmh;

import io.textwasm.bench.contender.Contender;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Who does the job. Only one contender is created per fork, so the call through the interface is
 * monomorphic there and the JIT inlines it as if it were written directly.
 */
@State(Scope.Benchmark)
public class ContenderState {
    @Param({"aot", "compiler", "interpreter", "module", "icu4j", "jdk"})
    public String contender;

    public Contender c;

    @Setup(Level.Trial)
    public void create() {
        c = Contender.create(contender);
    }
}
