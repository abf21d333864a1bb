package io.textwasm.bench.harness;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole comparison in one command (benchmarks/run.sh calls this): JMH on the JVM, then Node,
 * native and GraalWasm on the same inputs, Redline's availability, start-up, memory, fidelity;
 * then RESULTS.md and throughput.svg.
 *
 * <pre>Compare [--quick] [--out DIR] [--only jmh,node,native,graalwasm,redline,startup,memory,fidelity] [--jobs REGEX]</pre>
 *
 * {@code --jobs} keeps only the JMH jobs whose label matches, e.g. {@code "^aot (normalize|count)"}.
 */
public final class Compare {
    static final List<String> STAGES = List.of("jmh", "node", "native", "graalwasm", "redline", "startup", "memory", "fidelity");

    private Compare() {}

    public static void main(String[] args) throws IOException {
        Results r = run(args, System.out);
        System.exit(r.fidelityPassed ? 0 : 1);
    }

    /** Runs the stages and writes the report; returns what was measured. */
    public static Results run(String[] args, PrintStream progress) throws IOException {
        boolean quick = Arrays.asList(args).contains("--quick");
        Plan plan = quick ? Plan.quick() : Plan.full();
        Path benchDir = Workspace.findBenchDir();
        Path out = benchDir.resolve(quick ? "target/results-quick" : "results");
        Set<String> only = new HashSet<>(STAGES);
        String jobs = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out")) {
                out = Path.of(args[++i]);
            } else if (args[i].equals("--jobs")) {
                jobs = args[++i];
            } else if (args[i].equals("--only")) {
                only = new HashSet<>(Arrays.asList(args[++i].split(",")));
            } else if (!args[i].equals("--quick") && !args[i].equals("--full")) {
                throw new IllegalArgumentException("unknown argument '" + args[i] + "' (expected --quick, --full, --out DIR, --only STAGES, --jobs REGEX)");
            }
        }
        long t0 = System.nanoTime();
        Workspace ws = new Workspace(benchDir, out);
        Results results = new Results();
        MachineInfo.describe(results.machine, ws);
        progress.printf("textwasm benchmarks (%s) -> %s%n", quick ? "quick" : "full", out);
        results.machine.forEach((k, v) -> progress.printf("  %s: %s%n", k, v));

        NativeStage nat = new NativeStage(plan, results, ws, progress);
        GraalWasmStage graal = new GraalWasmStage(plan, results, ws, progress);
        try (PrintStream jmhLog = new PrintStream(new FileOutputStream(ws.raw.resolve("jmh.log").toFile()), true, StandardCharsets.UTF_8)) {
            if (only.contains("jmh")) {
                long t = System.nanoTime();
                new JmhStage(plan, results, progress, jmhLog, jobs, ws.corpora).run();
                results.stageSeconds.put("jmh", (System.nanoTime() - t) / 1e9);
            }
        }
        if (only.contains("node")) {
            new NodeStage(plan, results, ws, progress).run();
        }
        if (only.contains("native") || only.contains("fidelity")) {
            nat.run();
        }
        if (only.contains("graalwasm")) {
            graal.run();
        } else {
            results.notRun.put("graalwasm", "not asked for (--only)");
        }
        if (only.contains("redline")) {
            new RedlineStage(results, progress).run();
        }
        if (only.contains("startup")) {
            new StartupStage(plan, results, ws, progress, graal).run();
        }
        if (only.contains("memory")) {
            new MemoryStage(plan, results, ws, progress).run();
        }
        if (only.contains("fidelity")) {
            new FidelityStage(plan, results, ws, progress, nat, graal).run();
        }
        results.stageSeconds.put("total", (System.nanoTime() - t0) / 1e9);

        String command = "benchmarks/run.sh" + (quick ? " --quick" : "");
        MarkdownReport report = new MarkdownReport(plan, results);
        Files.writeString(out.resolve("RESULTS.md"), report.render(command));
        Files.writeString(out.resolve("throughput.svg"), new SvgChart(results, plan.corpora(), report.summarySize())
                .render("textwasm: throughput by runtime, " + report.summarySize() + " inputs (" + command + ")"));
        Files.writeString(ws.raw.resolve("measurements.json"), json(results));
        progress.printf("wrote %s and %s (%.0f s)%n", out.resolve("RESULTS.md"), out.resolve("throughput.svg"), (System.nanoTime() - t0) / 1e9);
        return results;
    }

    static String json(Results r) {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < r.measurements.size(); i++) {
            Measurement m = r.measurements.get(i);
            sb.append(String.format(java.util.Locale.ROOT, "  {\"op\":%s,\"corpus\":%s,\"size\":%s,\"contender\":%s,\"bytes\":%d,\"opsPerSec\":%.4f,\"mbPerSec\":%.4f}%s%n",
                    Json.quote(m.op()), Json.quote(m.corpus()), Json.quote(m.size()), Json.quote(m.contender()), m.bytes(), m.opsPerSec(), m.mbPerSec(),
                    i + 1 < r.measurements.size() ? "," : ""));
        }
        return sb.append("]\n").toString();
    }
}
