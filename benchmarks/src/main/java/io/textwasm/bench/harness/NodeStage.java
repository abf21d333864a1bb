package io.textwasm.bench.harness;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The same module under Node (V8), through benchmarks/node/bench.mjs. */
final class NodeStage extends ExternalStage {
    private Path node;

    NodeStage(Plan plan, Results results, Workspace ws, PrintStream progress) {
        super(plan, results, ws, progress);
    }

    @Override
    String contender() {
        return "node";
    }

    @Override
    String prepare() {
        node = Tools.node();
        return node == null ? "node is not on the PATH (install Node.js 18 or later, or set TEXTWASM_NODE)" : null;
    }

    @Override
    List<String> command(List<String> ops, List<String> corpora, List<String> sizes, int warmupMs) {
        return List.of(node.toString(), ws.benchDir.resolve("node/bench.mjs").toString(), "bench",
                "--wasm", ws.wasm.toString(), "--corpora", ws.corpora.toString(),
                "--ops", csv(ops), "--corpora-ids", csv(corpora), "--sizes", csv(sizes),
                "--warmup-ms", String.valueOf(warmupMs), "--iterations", String.valueOf(plan.externalIterations),
                "--iteration-ms", String.valueOf(plan.externalIterationMillis));
    }

    @Override
    long timeoutSeconds(int cases) {
        return 120 + cases * 20L;
    }

    @Override
    void onDocument(Map<String, Object> doc) {
        results.machine.putIfAbsent("Node", doc.get("version") + " (V8 " + doc.get("v8") + ")");
    }
}
