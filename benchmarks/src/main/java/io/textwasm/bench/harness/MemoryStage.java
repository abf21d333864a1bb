package io.textwasm.bench.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/** The module's size and the memory one engine instance costs, per backend ({@link MemoryProbe}). */
final class MemoryStage {
    private final Plan plan;
    private final Results results;
    private final Workspace ws;
    private final PrintStream progress;

    MemoryStage(Plan plan, Results results, Workspace ws, PrintStream progress) {
        this.plan = plan;
        this.results = results;
        this.ws = ws;
        this.progress = progress;
    }

    static String kib(double bytes) {
        return String.format(java.util.Locale.ROOT, "%,.1f KiB", bytes / 1024);
    }

    void run() {
        long t0 = System.nanoTime();
        byte[] wasm = ws.wasmBytes;
        Deflater d = new Deflater(9);
        d.setInput(wasm);
        d.finish();
        byte[] buf = new byte[wasm.length + 1024];
        int gz = d.deflate(buf);
        d.end();
        results.moduleBytes = wasm.length;
        results.memory.add(new String[] {"module", "textwasm.wasm, raw", String.format("%,d B (%s)", wasm.length, kib(wasm.length))});
        results.memory.add(new String[] {"module", "textwasm.wasm, deflate -9", String.format("%,d B (%s)", gz, kib(gz))});
        String cp = System.getProperty("java.class.path");
        for (String backend : plan.memoryBackends()) {
            // The runtime compiler compiles the module once per engine, the interpreter expands the
            // tables in seconds per instance: fewer of them keep the stage short.
            int n = backend.equals("aot") ? plan.memoryEngines : backend.equals("compiler") ? Math.max(1, plan.memoryEngines / 4) : Math.max(1, plan.memoryEngines / 7);
            try {
                Tools.Run r = Tools.run(List.of(Tools.java().toString(), "-XX:+UseSerialGC", "-Xmx1g", "-cp", cp, MemoryProbe.class.getName(), backend,
                        String.valueOf(n)), ws.benchDir, 600);
                String json = r.stdout().lines().filter(l -> l.startsWith("{")).findFirst().orElse(null);
                if (r.exit() != 0 || json == null) {
                    results.notRun.put("memory " + backend, "exit " + r.exit() + ": " + r.tail());
                    continue;
                }
                Map<String, Object> m = Json.object(Json.parse(json));
                String tag = backend + " (" + n + " engines)";
                if (backend.equals("aot")) {
                    results.aotLinearBytes = Json.number(m.get("linearMemory"));
                }
                results.memory.add(new String[] {tag, "linear memory of one idle instance", kib(Json.number(m.get("linearMemory")))});
                results.memory.add(new String[] {tag, "  of which expanded tables", kib(Json.number(m.get("tableBytes")))});
                results.memory.add(new String[] {tag, "linear memory after normalizing 1 MB (instance kept)", kib(Json.number(m.get("linearMemoryAfter1MB")))});
                results.memory.add(new String[] {tag, "Java heap per engine (linear memory included)", kib(Json.number(m.get("heapPerEngine")))});
                results.memory.add(new String[] {tag, "metaspace per engine", kib(Json.number(m.get("metaspacePerEngine")))});
            } catch (IOException | RuntimeException e) {
                results.notRun.put("memory " + backend, e.getMessage());
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        results.stageSeconds.put("memory", s);
        progress.printf("memory: %.1f s%n", s);
    }
}
