package io.textwasm.bench.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The same Rust crate built natively (benchmarks/native, opt-level 3 with LTO), calling the core's
 * library functions directly on the corpus bytes: the ceiling every wasm runtime is compared with.
 */
final class NativeStage extends ExternalStage {
    private Path binary;

    NativeStage(Plan plan, Results results, Workspace ws, PrintStream progress) {
        super(plan, results, ws, progress);
    }

    @Override
    String contender() {
        return "native";
    }

    /** Builds with the first cargo that succeeds (rustup's, then the system's). */
    @Override
    String prepare() {
        Path crate = ws.benchDir.resolve("native");
        List<String> failures = new ArrayList<>();
        for (Path cargo : Tools.cargos()) {
            try {
                Tools.Run r = Tools.run(List.of(cargo.toString(), "build", "--release", "--quiet"), crate, 900);
                if (r.exit() == 0) {
                    binary = crate.resolve("target/release/textwasm-native-bench");
                    String rustc = cargo.getParent().resolve("rustc").toString();
                    results.machine.put("rustc (native build)", Tools.version(rustc, "--version") + " via " + cargo);
                    return Files.isExecutable(binary) ? null : "cargo built no " + binary;
                }
                failures.add(cargo + ": " + r.tail());
            } catch (IOException e) {
                failures.add(cargo + ": " + e.getMessage());
            }
        }
        return failures.isEmpty() ? "no cargo found (install Rust 1.63 or later: rustup, or Debian's cargo)" : "cargo build failed: " + String.join("; ", failures);
    }

    @Override
    int warmupMillis() {
        return plan.nativeWarmupMillis;
    }

    Path binary() {
        return binary;
    }

    @Override
    List<String> command(List<String> ops, List<String> corpora, List<String> sizes, int warmupMs) {
        return List.of(binary.toString(), "bench", ws.corpora.toString(), csv(ops), csv(corpora), csv(sizes),
                String.valueOf(warmupMs), String.valueOf(plan.externalIterations), String.valueOf(plan.externalIterationMillis));
    }

    @Override
    long timeoutSeconds(int cases) {
        return 60 + cases * 10L;
    }
}
