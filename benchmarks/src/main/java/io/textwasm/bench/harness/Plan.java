package io.textwasm.bench.harness;

import io.textwasm.bench.contender.Contender.Op;
import io.textwasm.bench.corpus.Corpora;
import io.textwasm.bench.corpus.Corpus;
import java.util.Arrays;
import java.util.List;

/**
 * What a run measures and for how long. The full plan is sized for about 45 minutes on an idle
 * 2-core machine (per JMH cell, measured on a busy one: AOT 5-6 s with its fork, ICU4J 2.5 s, the
 * interpreter 17 s); the quick plan runs every benchmark and every contender once, in about a
 * minute, and asserts no figure.
 */
final class Plan {
    final boolean quick;

    // JMH, per benchmark and parameter combination.
    final int forks;
    final int warmupIterations;
    final int warmupMillis;
    /** Warm-up for code Chicory generated (AOT, runtime compiler): see {@link #warmup}. */
    final int wasmWarmupIterations;
    final int wasmWarmupMillis;
    final int iterations;
    final int iterationMillis;

    // The Node, native and GraalWasm harnesses: warm-up, then timed iterations.
    final int externalWarmupMillis;
    /** Native code has no JIT to warm: only caches and branch predictors. */
    final int nativeWarmupMillis;
    final int externalIterations;
    final int externalIterationMillis;
    /** GraalWasm compiles lazily and slowly on two cores: it gets a longer warm-up. */
    final int graalWarmupMillis;

    final int startupRuns;
    final int memoryEngines;
    /** Fidelity: every n-th case for the interpreter (1: all of them). */
    final int interpreterFidelityStride;
    /** Fidelity: every n-th case for every runtime (the quick run samples; the JUnit test checks them all). */
    final int fidelityStride;

    private Plan(boolean quick) {
        this.quick = quick;
        if (quick) {
            forks = 0; // in-process: a smoke run, not a measurement
            warmupIterations = 0;
            warmupMillis = 1;
            wasmWarmupIterations = 0;
            wasmWarmupMillis = 1;
            iterations = 1;
            iterationMillis = 1;
            externalWarmupMillis = 0;
            nativeWarmupMillis = 0;
            externalIterations = 1;
            externalIterationMillis = 1;
            graalWarmupMillis = 0;
            startupRuns = 1;
            memoryEngines = 2;
            interpreterFidelityStride = 200;
            fidelityStride = 50;
        } else {
            forks = 1;
            warmupIterations = 2;
            warmupMillis = 300;
            wasmWarmupIterations = 8;
            wasmWarmupMillis = 500;
            iterations = 3;
            iterationMillis = 300;
            externalWarmupMillis = 500;
            nativeWarmupMillis = 200;
            externalIterations = 3;
            externalIterationMillis = 250;
            graalWarmupMillis = 3000;
            startupRuns = 5;
            memoryEngines = 20;
            interpreterFidelityStride = 1;
            fidelityStride = 1;
        }
    }

    static Plan quick() {
        return new Plan(true);
    }

    static Plan full() {
        return new Plan(false);
    }

    /**
     * {iterations, milliseconds} of warm-up for a contender. The classes Chicory generates from the
     * module are large, and C2 needs seconds to compile them: French NFC on 10 KB ran at 21 ops/s
     * for the first 2.5 s of a fork and at ~450 ops/s from 5 s on (a loaded 2-core machine, 2026-11),
     * and with ICU4J's 0.6 s the AOT figures were still climbing through the measured iterations.
     * ICU4J, java.text and the baselines are flat after their first warm-up iteration. With 2 s of
     * warm-up (4 x 500 ms), 14 of 156 AOT cells of the run of 2026-11-27 01:10 UTC were still
     * climbing in their measured iterations (English tokenize on 1 KB: 5.3k, 5.3k, then 24.5k
     * ops/s; Korean NFKC on 1 MB: 101, 99, then 405), so it is now 4 s.
     *
     * <p>The libraries compared get the same 4 s. They had 0.6 s, on the belief that they were flat
     * after one iteration, until an outside review of the run of 2026-11-27 17:31 UTC found 19 of
     * 156 ICU4J cells still rising while measured (Korean NFKC on 10 KB: 16.9k, 32.7k, 58.6k ops/s),
     * against 7 of 156 AOT cells: unequal warm-up favoured textwasm. Only the baselines (a UTF-8
     * encoding) keep the short warm-up.
     */
    int[] warmup(String contender) {
        return contender.equals("baseline") ? new int[] {warmupIterations, warmupMillis} : new int[] {wasmWarmupIterations, wasmWarmupMillis};
    }

    List<String> corpora() {
        return Arrays.stream(Corpus.values()).map(Corpus::id).toList();
    }

    /**
     * The corpora a JVM contender runs on. The interpreter runs the module about a hundred times
     * slower than the compilers, so it runs on two corpora: ASCII (the fast paths) and French NFD
     * (the slow ones).
     */
    List<String> corpora(String contender) {
        return !quick && contender.equals("interpreter") ? List.of("english", "french-nfd") : corpora();
    }

    /**
     * The sizes each JVM contender runs at. The build-time compiled backend and ICU4J get the whole
     * matrix (they make the headline ratio). The runtime compiler generates the same bytecode as
     * the build-time one, so one size confirms it; the interpreter is about a hundred times slower
     * and pays seconds per fork to expand its tables, so it gets one size; java.text two.
     */
    List<String> sizes(String contender, Op op) {
        if (quick) {
            return List.of("1KB");
        }
        if (op == Op.NORMALIZE_NFKC_CF) {
            return contender.equals("aot") || contender.equals("icu4j") || contender.equals("baseline") ? List.of("10KB", "100KB") : List.of();
        }
        switch (contender) {
            case "aot":
            case "icu4j":
            case "baseline":
                return List.of(Corpora.SIZES);
            case "jdk":
                return List.of("1KB", "100KB");
            case "compiler":
            case "module":
            case "jdk25":
                return List.of("100KB");
            case "interpreter":
                return List.of("10KB");
            default:
                throw new IllegalArgumentException(contender);
        }
    }

    /** Node and native share the whole matrix, so every AOT cell has a native ratio. */
    List<String> externalSizes(Op op) {
        if (quick) {
            return List.of("1KB");
        }
        return op == Op.NORMALIZE_NFKC_CF ? List.of("10KB", "100KB") : List.of(Corpora.SIZES);
    }

    List<String> graalSizes() {
        return quick ? List.of("1KB") : List.of("100KB");
    }

    /** GraalWasm's first calls run in the Truffle interpreter (seconds each): the quick run samples one corpus. */
    List<String> graalCorpora() {
        return quick ? List.of("english") : corpora();
    }

    /**
     * The runtimes whose start-up and memory are measured. The quick run keeps the ones that start
     * in about a second; the others (the runtime compiler, the interpreter's seconds of table
     * expansion, GraalWasm) only in the full run.
     */
    List<String> startupRuntimes() {
        return quick ? List.of("aot", "icu4j") : List.of("aot", "compiler", "interpreter", "icu4j", "jdk");
    }

    List<String> memoryBackends() {
        return quick ? List.of("aot") : List.of("aot", "compiler", "interpreter");
    }

    String describeJmh() {
        return quick
                ? "quick smoke run: JMH in-process (-f 0), no warm-up, one 1 ms iteration; figures are meaningless"
                : String.format("JMH %d fork per cell; warm-up %d × %d ms for every contender (%d × %d ms for the UTF-8 baselines); "
                        + "then %d measured iterations of %d ms", forks, wasmWarmupIterations, wasmWarmupMillis,
                        warmupIterations, warmupMillis, iterations, iterationMillis);
    }

    String describeExternal() {
        return String.format("%d ms warm-up (native %d ms, GraalWasm %d ms: it compiles lazily), then %d timed iterations of %d ms, mean reported",
                externalWarmupMillis, nativeWarmupMillis, graalWarmupMillis, externalIterations, externalIterationMillis);
    }
}
