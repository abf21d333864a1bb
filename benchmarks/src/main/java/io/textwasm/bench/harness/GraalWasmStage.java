package io.textwasm.bench.harness;

import io.textwasm.bench.contender.Contender.Op;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The same module under GraalWasm on JDK 25, through benchmarks/graalwasm/GraalWasmBench.java run
 * by the source launcher. The Graal JIT goes on the upgrade module path with JVMCI enabled, so
 * Truffle compiles the wasm functions instead of interpreting them (on a stock JDK without it,
 * GraalWasm falls back to its interpreter and prints a warning).
 */
final class GraalWasmStage extends ExternalStage {
    /** The GraalVM artifacts the benchmarks pom copies aside (graalvm.version). */
    static final String VERSION = "25.0.2";

    private Path java;
    private String modulePath;
    private Path compiler;

    GraalWasmStage(Plan plan, Results results, Workspace ws, PrintStream progress) {
        super(plan, results, ws, progress);
    }

    @Override
    String contender() {
        return "graalwasm";
    }

    static Path lib(Workspace ws) {
        String prop = System.getProperty("textwasm.graalwasm.lib");
        return prop != null ? Path.of(prop) : ws.benchDir.resolve("target/graalwasm-lib");
    }

    @Override
    String prepare() {
        java = Tools.jdk25();
        if (java == null) {
            return "no JDK 25 at /usr/lib/jvm/temurin-25-jdk-amd64 (or TEXTWASM_JDK25): GraalWasm " + VERSION + " needs Java 21 or later";
        }
        Path lib = lib(ws);
        List<String> jars = new ArrayList<>();
        try (Stream<Path> s = Files.list(lib)) {
            s.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(p -> {
                if (p.getFileName().toString().startsWith("compiler-")) {
                    compiler = p;
                } else {
                    jars.add(p.toString());
                }
            });
        } catch (IOException e) {
            return "the GraalWasm jars are missing from " + lib + " (run `mvn -pl benchmarks package`): " + e.getMessage();
        }
        if (compiler == null || jars.isEmpty()) {
            return "the GraalWasm jars are missing from " + lib + " (run `mvn -pl benchmarks package`)";
        }
        modulePath = String.join(File.pathSeparator, jars);
        results.machine.put("GraalWasm", VERSION + " (Truffle with the Graal JIT via JVMCI) on " + Tools.version(java.toString(), "-version"));
        return null;
    }

    List<String> javaCommand() {
        List<String> c = new ArrayList<>(List.of(java.toString(), "-XX:+UnlockExperimentalVMOptions", "-XX:+EnableJVMCI",
                "--upgrade-module-path", compiler.toString(), "--module-path", modulePath, "--add-modules", "org.graalvm.polyglot",
                "--enable-native-access=org.graalvm.truffle", "-Xmx1g",
                ws.benchDir.resolve("graalwasm/GraalWasmBench.java").toString()));
        return c;
    }

    @Override
    List<String> sizes(Op op) {
        return plan.graalSizes();
    }

    @Override
    int warmupMillis() {
        return plan.graalWarmupMillis;
    }

    @Override
    List<String> corpora() {
        return plan.graalCorpora();
    }

    @Override
    boolean seeds() {
        return !plan.quick;
    }

    /** Whether the quick run should also use it for start-up and fidelity (no: it starts interpreted and slow). */
    boolean inQuickExtras() {
        return !plan.quick;
    }

    @Override
    List<String> command(List<String> ops, List<String> corpora, List<String> sizes, int warmupMs) {
        List<String> c = javaCommand();
        c.addAll(List.of("bench", "--wasm", ws.wasm.toString(), "--corpora", ws.corpora.toString(),
                "--ops", csv(ops), "--corpora-ids", csv(corpora), "--sizes", csv(sizes),
                "--warmup-ms", String.valueOf(warmupMs), "--iterations", String.valueOf(plan.externalIterations),
                "--iteration-ms", String.valueOf(plan.externalIterationMillis)));
        return c;
    }

    @Override
    long timeoutSeconds(int cases) {
        return 300 + cases * 30L;
    }

    @Override
    void onDocument(Map<String, Object> doc) {
        results.machine.putIfAbsent("GraalWasm Truffle runtime", String.valueOf(doc.get("truffleRuntime")));
    }
}
