package io.textwasm.bench.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Start-up: fresh processes, each timed from just before it is started to its first normalized
 * string ({@link StartupProbe}; Node and GraalWasm report the same through their harnesses).
 */
final class StartupStage {
    private final Plan plan;
    private final Results results;
    private final Workspace ws;
    private final PrintStream progress;
    private final GraalWasmStage graal;

    StartupStage(Plan plan, Results results, Workspace ws, PrintStream progress, GraalWasmStage graal) {
        this.plan = plan;
        this.results = results;
        this.ws = ws;
        this.progress = progress;
        this.graal = graal;
    }

    void run() {
        long t0 = System.nanoTime();
        String cp = System.getProperty("java.class.path");
        for (String who : plan.startupRuntimes()) {
            for (int i = 0; i < plan.startupRuns; i++) {
                probe("JVM " + who, stamp -> List.of(Tools.java().toString(), "-Xshare:auto", "-cp", cp,
                        StartupProbe.class.getName(), who, String.valueOf(stamp)));
            }
        }
        if (Tools.node() != null) {
            for (int i = 0; i < plan.startupRuns; i++) {
                probe("node", stamp -> List.of(Tools.node().toString(), ws.benchDir.resolve("node/bench.mjs").toString(), "startup",
                        "--wasm", ws.wasm.toString(), "--stamp", String.valueOf(stamp)));
            }
        }
        if (graal != null && graal.inQuickExtras() && !results.notRun.containsKey("graalwasm")) {
            for (int i = 0; i < plan.startupRuns; i++) {
                probe("graalwasm", stamp -> {
                    List<String> c = new ArrayList<>(graal.javaCommand());
                    c.addAll(List.of("startup", "--wasm", ws.wasm.toString(), "--stamp", String.valueOf(stamp)));
                    return c;
                });
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        results.stageSeconds.put("startup", s);
        progress.printf("startup: %d runtimes x %d fresh processes (%.1f s)%n", results.startupMs.size(), plan.startupRuns, s);
    }

    private void probe(String name, java.util.function.LongFunction<List<String>> command) {
        long stamp = System.nanoTime();
        try {
            Tools.Run r = Tools.run(command.apply(stamp), ws.benchDir, 300);
            String json = r.stdout().lines().filter(l -> l.startsWith("{")).findFirst().orElse(null);
            if (r.exit() != 0 || json == null) {
                results.notRun.put("startup " + name, "exit " + r.exit() + ": " + r.tail());
                return;
            }
            Map<String, Object> m = Json.object(Json.parse(json));
            results.startupMs.computeIfAbsent(name, k -> new ArrayList<>()).add(Json.number(m.get("firstResultMs")));
        } catch (IOException | RuntimeException e) {
            results.notRun.put("startup " + name, e.getMessage());
        }
    }
}
