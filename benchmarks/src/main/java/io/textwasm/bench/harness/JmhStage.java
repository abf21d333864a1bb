package io.textwasm.bench.harness;

import io.textwasm.bench.contender.Contender.Op;
import io.textwasm.bench.corpus.Corpora;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks of io.textwasm.bench.jmh through JMH's Runner API, one job per
 * (benchmark, contender), and turns every result into a {@link Measurement}.
 */
final class JmhStage {
    private static final String PKG = "io.textwasm.bench.jmh.";

    /** The JVM contenders, in table order. "jdk25" is java.text run in a JDK 25 fork. */
    static final List<String> CONTENDERS = List.of("aot", "compiler", "interpreter", "module", "icu4j", "jdk", "jdk25");

    /** One Runner invocation. */
    record Job(String label, String benchmark, Map<String, List<String>> params, String op, String contender, int threads, Path jvm) {}

    private final Plan plan;
    private final Results results;
    private final PrintStream progress;
    private final PrintStream jmhLog;
    private final java.util.regex.Pattern only;
    private final java.nio.file.Path corpora;

    /** {@code only}: run just the jobs whose label matches (e.g. "aot count-words"), or null for all. */
    JmhStage(Plan plan, Results results, PrintStream progress, PrintStream jmhLog, String only, java.nio.file.Path corpora) {
        this.corpora = corpora;
        this.plan = plan;
        this.results = results;
        this.progress = progress;
        this.jmhLog = jmhLog;
        this.only = only == null ? null : java.util.regex.Pattern.compile(only);
    }

    /** Benchmark method and fixed parameters for an operation. */
    static String benchmark(Op op) {
        switch (op) {
            case NORMALIZE_NFC:
            case NORMALIZE_NFKC:
            case NORMALIZE_NFKC_CF: return "NormalizeBenchmark.normalize";
            case IS_NORMALIZED_NFC: return "IsNormalizedBenchmark.isNormalized";
            case COUNT_WORDS: return "CountWordsBenchmark.countWords";
            case COUNT_GRAPHEMES: return "CountGraphemesBenchmark.countGraphemes";
            case TOKENIZE: return "TokenizeBenchmark.tokenize";
            default: return "TruncateBenchmark.truncate";
        }
    }

    static String form(Op op) {
        switch (op) {
            case NORMALIZE_NFKC: return "NFKC";
            case NORMALIZE_NFKC_CF: return "NFKC_CASEFOLD";
            default: return "NFC";
        }
    }

    List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        Path jdk25 = Tools.jdk25();
        for (Op op : Op.values()) {
            for (String c : CONTENDERS) {
                String impl = c.equals("jdk25") ? "jdk" : c;
                if (impl.equals("jdk") && op == Op.NORMALIZE_NFKC_CF) {
                    continue; // java.text has no NFKC_Casefold (see JavaTextContender.supports)
                }
                if (impl.equals("module") && op == Op.TRUNCATE) {
                    continue; // no byte API for truncation (see ModuleContender.supports)
                }
                if (c.equals("jdk25") && (plan.quick || jdk25 == null)) {
                    continue; // a different JVM needs a fork; reported as not run
                }
                List<String> sizes = plan.sizes(c, op);
                if (sizes.isEmpty()) {
                    continue;
                }
                Map<String, List<String>> p = new LinkedHashMap<>();
                p.put("contender", List.of(impl));
                p.put("corpus", plan.corpora(c));
                p.put("size", sizes);
                if (op.name().startsWith("NORMALIZE")) {
                    p.put("form", List.of(form(op)));
                }
                jobs.add(new Job(c + " " + op.id(), benchmark(op), p, op.id(), c, 1, c.equals("jdk25") ? jdk25 : null));
            }
        }
        // Baselines: the UTF-8 encoding every textwasm call starts with, and the prefix a truncation
        // hands the core. The other classes' baselines are the same code; the quick run runs them too.
        List<String> baselineClasses = plan.quick
                ? List.of("NormalizeBenchmark", "IsNormalizedBenchmark", "CountWordsBenchmark", "CountGraphemesBenchmark", "TokenizeBenchmark", "TruncateBenchmark")
                : List.of("NormalizeBenchmark", "TruncateBenchmark");
        for (String cls : baselineClasses) {
            Map<String, List<String>> p = new LinkedHashMap<>();
            p.put("corpus", plan.corpora());
            p.put("size", plan.sizes("baseline", Op.NORMALIZE_NFC));
            String op = cls.equals("TruncateBenchmark") ? "baseline-prefix" : "baseline-utf8";
            jobs.add(new Job("baseline " + cls, cls + ".baseline", p, op, "baseline", 1, null));
        }
        for (String c : List.of("aot", "compiler", "interpreter", "icu4j", "jdk")) {
            Map<String, List<String>> p = new LinkedHashMap<>();
            p.put("contender", List.of(c));
            jobs.add(new Job(c + " seed word count", "SeedCasesBenchmark.countWords10kWords", p, Op.COUNT_WORDS.id(), c, 1, null));
            jobs.add(new Job(c + " seed tokenize", "SeedCasesBenchmark.tokenize1kTokens", p, Op.TOKENIZE.id(), c, 1, null));
        }
        jobs.add(new Job("baseline seed", "SeedCasesBenchmark.baseline", Map.of(), "baseline-utf8", "baseline", 1, null));
        for (int threads : new int[] {1, 2}) {
            for (String m : List.of("countWords", "normalizeNfc")) {
                for (String c : List.of("aot", "icu4j")) {
                    Map<String, List<String>> p = new LinkedHashMap<>();
                    p.put("contender", List.of(c));
                    jobs.add(new Job(c + " " + m + " x" + threads, "PooledScalingBenchmark." + m, p, "scaling-" + m, c, threads, null));
                }
            }
            jobs.add(new Job("baseline x" + threads, "PooledScalingBenchmark.baseline", Map.of(), "scaling-baseline", "baseline", threads, null));
        }
        return jobs;
    }

    void run() {
        List<Job> jobs = jobs();
        if (only != null) {
            jobs.removeIf(j -> !only.matcher(j.label).find());
        }
        int cells = 0;
        for (Job j : jobs) {
            cells += j.params.values().stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
        }
        progress.printf("JMH: %d jobs, %d benchmark cells (%s)%n", jobs.size(), cells, plan.describeJmh());
        int n = 0;
        for (Job j : jobs) {
            n++;
            long t0 = System.nanoTime();
            int expected = j.params.values().stream().mapToInt(List::size).reduce(1, (a, b) -> a * b);
            Collection<RunResult> rs;
            try {
                rs = runner(j).run();
            } catch (RunnerException | RuntimeException e) {
                results.notRun.put(j.contender + " " + j.op, "JMH failed: " + e.getMessage());
                progress.printf("  [%d/%d] %s: FAILED %s%n", n, jobs.size(), j.label, e.getMessage());
                continue;
            }
            for (RunResult r : rs) {
                record(j, r);
            }
            if (rs.size() < expected) {
                results.notRun.put(j.contender + " " + j.op, (expected - rs.size()) + " of " + expected
                        + " cells produced no result (the benchmark threw; see results/raw/jmh.log)");
            }
            progress.printf("  [%d/%d] %-34s %3d cells %6.1f s%n", n, jobs.size(), j.label, rs.size(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private Runner runner(Job j) {
        int[] warmup = plan.warmup(j.contender);
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + (PKG + j.benchmark).replace(".", "\\.") + "$")
                .forks(plan.forks)
                .warmupIterations(warmup[0])
                .warmupTime(TimeValue.milliseconds(warmup[1]))
                .measurementIterations(plan.iterations)
                .measurementTime(TimeValue.milliseconds(plan.iterationMillis))
                .threads(j.threads)
                .shouldFailOnError(false)
                .verbosity(VerboseMode.NORMAL)
                // The same fixed heap in every fork, so GC sizing does not differ between cells; the
                // corpus files the parent wrote, so no fork spends a second generating 1 MB.
                // Transparent huge pages: on this machine the first touch of each 4 KiB page is
                // slow, and G1 grows the young generation to ~600 MB before its first collection,
                // so allocating code (tokenize: ICU4J 4 MB/s, textwasm 9 MB/s) ran ~10x slower for
                // the first 2-3 s of every fork, past JMH's warm-up. With 2 MiB pages that phase is
                // gone (AlwaysPreTouch also removes it, but costs 2 s per fork).
                .jvmArgs("-Xms1g", "-Xmx1g", "-XX:+UseTransparentHugePages", "-D" + Corpora.DIR_PROPERTY + "=" + corpora);
        if (j.jvm != null) {
            o.jvm(j.jvm.toString());
        }
        for (Map.Entry<String, List<String>> e : j.params.entrySet()) {
            o.param(e.getKey(), e.getValue().toArray(new String[0]));
        }
        return new Runner(o.build(), OutputFormatFactory.createFormatInstance(jmhLog, VerboseMode.NORMAL));
    }

    private void record(Job j, RunResult r) {
        var primary = r.getPrimaryResult();
        double score = primary.getScore();
        double err = primary.getScoreError();
        String unit = primary.getScoreUnit();
        double opsPerSec;
        double error;
        if (unit.endsWith("/op")) {
            double perSecond = TimeUnit.SECONDS.toNanos(1) / (double) nanos(unit.substring(0, unit.indexOf('/')));
            opsPerSec = perSecond / score;
            error = Double.isNaN(err) ? Double.NaN : opsPerSec * err / score;
        } else {
            opsPerSec = score;
            error = err;
        }
        var params = r.getParams();
        if (j.op.startsWith("scaling-")) {
            String key = j.contender + "|" + j.op.substring("scaling-".length());
            results.scaling.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(j.threads, opsPerSec);
            return;
        }
        String corpus;
        String size;
        long bytes;
        if (j.benchmark.startsWith("SeedCasesBenchmark")) {
            boolean words = j.benchmark.contains("countWords") || j.benchmark.endsWith("baseline");
            corpus = words ? "seed-words" : "seed-tokens";
            size = words ? "10,000 words" : "1,000 tokens";
            bytes = Corpora.utf8Length(words ? Corpora.seedWords() : Corpora.seedTokens());
        } else {
            corpus = params.getParam("corpus");
            size = params.getParam("size");
            bytes = Corpora.utf8Length(Corpora.text(corpus, size));
        }
        results.add(new Measurement(j.op, corpus, size, j.contender, bytes, opsPerSec, error));
    }

    /** Nanoseconds in one JMH time unit label (s, ms, us, ns). */
    private static long nanos(String unit) {
        switch (unit) {
            case "s": return 1_000_000_000L;
            case "ms": return 1_000_000L;
            case "us": return 1_000L;
            default: return 1L;
        }
    }
}
