package io.textwasm.bench.harness;

import io.textwasm.Backend;
import io.textwasm.TextEngine;
import io.textwasm.bench.contender.TextwasmContender;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link Fidelity} across every runtime that can run here and records, for the report,
 * whether their answers are byte-identical. The JVM's build-time compiled backend is the reference;
 * the runtimes are the three Chicory backends, the AOT backend again on JDK 25
 * ({@link JvmFidelity}), Node, the native build and GraalWasm.
 */
final class FidelityStage {
    private final Plan plan;
    private final Results results;
    private final Workspace ws;
    private final PrintStream progress;
    private final NativeStage nativeStage;
    private final GraalWasmStage graal;

    FidelityStage(Plan plan, Results results, Workspace ws, PrintStream progress, NativeStage nativeStage, GraalWasmStage graal) {
        this.plan = plan;
        this.results = results;
        this.ws = ws;
        this.progress = progress;
        this.nativeStage = nativeStage;
        this.graal = graal;
    }

    /** The outputs of every runtime that ran, by name; failures are recorded in {@code errors}. */
    static Map<String, List<String>> outputs(Workspace ws, List<int[]> cases, int stride, int interpreterStride, Path nativeBinary,
            GraalWasmStage graal, Map<String, String> errors) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Backend b : Backend.values()) {
            TextEngine e = TextwasmContender.shared(b);
            out.put(b.cliName(), Fidelity.jvm(e, cases, b == Backend.INTERPRETER ? interpreterStride : stride));
        }
        Path casesFile = ws.raw.resolve("fidelity-cases.txt");
        Fidelity.writeCases(cases, casesFile);
        // The same Java host on JDK 25: its String paths run on the JDK, not in the module.
        Path jdk25 = Tools.jdk25();
        if (jdk25 == null) {
            errors.put("jdk25", "JDK 25 is not installed (set TEXTWASM_JDK25 to its home)");
        } else {
            external("jdk25", List.of(jdk25.toString(), "-cp", System.getProperty("java.class.path"), JvmFidelity.class.getName(),
                    casesFile.toString()), ws, stride, out, errors);
        }
        Path node = Tools.node();
        if (node == null) {
            errors.put("node", "node is not on the PATH (install Node.js 18 or later, or set TEXTWASM_NODE)");
        } else {
            external("node", List.of(node.toString(), ws.benchDir.resolve("node/bench.mjs").toString(), "fidelity", "--wasm", ws.wasm.toString(),
                    "--cases", casesFile.toString(), "--out"), ws, stride, out, errors);
        }
        if (nativeBinary != null) {
            external("native", List.of(nativeBinary.toString(), "fidelity", casesFile.toString()), ws, stride, out, errors);
        }
        if (graal != null) {
            List<String> cmd = new ArrayList<>(graal.javaCommand());
            cmd.addAll(List.of("fidelity", "--wasm", ws.wasm.toString(), "--cases", casesFile.toString(), "--out"));
            external("graalwasm", cmd, ws, stride, out, errors);
        }
        return out;
    }

    /** Runs {@code command} with an output file appended; keeps every stride-th line. */
    private static void external(String name, List<String> command, Workspace ws, int stride, Map<String, List<String>> out,
            Map<String, String> errors) {
        Path file = ws.raw.resolve("fidelity-" + name + ".txt");
        List<String> cmd = new ArrayList<>(command);
        cmd.add(file.toString());
        try {
            Tools.Run r = Tools.run(cmd, ws.benchDir, 900);
            if (r.exit() != 0) {
                errors.put(name, "exit " + r.exit() + ": " + r.tail());
                return;
            }
            out.put(name, Fidelity.every(Files.readAllLines(file), stride));
        } catch (IOException e) {
            errors.put(name, e.getMessage());
        }
    }

    void run() {
        long t0 = System.nanoTime();
        List<int[]> cases = Fidelity.cases(ws.repo());
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, List<String>> out;
        try {
            out = outputs(ws, cases, plan.fidelityStride, plan.interpreterFidelityStride,
                    nativeStage.binary(), results.notRun.containsKey("graalwasm") || !graal.inQuickExtras() ? null : graal, errors);
        } catch (IOException | RuntimeException e) {
            results.fidelityPassed = false;
            results.fidelity.add("could not run: " + e.getMessage());
            return;
        }
        List<String> reference = out.get("aot");
        for (Map.Entry<String, List<String>> e : out.entrySet()) {
            if (e.getKey().equals("aot")) {
                continue;
            }
            int stride = e.getKey().equals("interpreter") ? plan.interpreterFidelityStride : plan.fidelityStride;
            List<String> expected = stride == plan.fidelityStride ? reference : Fidelity.every(reference, stride / plan.fidelityStride);
            List<String> diffs = Fidelity.differences("aot", expected, e.getKey(), e.getValue(), cases, 5);
            if (diffs.isEmpty()) {
                results.fidelity.add(String.format("%s: identical to aot on %,d of %,d cases", e.getKey(), e.getValue().size(), cases.size()));
            } else {
                results.fidelityPassed = false;
                results.fidelity.add(e.getKey() + ": DIFFERS from aot: " + String.join("; ", diffs));
            }
        }
        for (Map.Entry<String, String> e : errors.entrySet()) {
            results.fidelity.add(e.getKey() + ": not compared: " + e.getValue());
        }
        double s = (System.nanoTime() - t0) / 1e9;
        results.stageSeconds.put("fidelity", s);
        progress.printf("fidelity: %s (%.1f s)%n", results.fidelityPassed ? "identical" : "DIFFERENCES", s);
        results.fidelity.forEach(l -> progress.println("  " + l));
    }
}
