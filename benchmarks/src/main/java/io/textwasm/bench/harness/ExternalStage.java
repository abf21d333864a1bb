package io.textwasm.bench.harness;

import io.textwasm.bench.contender.Contender.Op;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A runtime outside this JVM (Node, the native binary, GraalWasm) timing the same operations on
 * the same corpus files with its own harness: warm-up, then timed iterations, JSON on stdout.
 * Subclasses say how to start it; this class plans the cases and reads the answers.
 */
abstract class ExternalStage {
    final Plan plan;
    final Results results;
    final Workspace ws;
    final PrintStream progress;

    ExternalStage(Plan plan, Results results, Workspace ws, PrintStream progress) {
        this.plan = plan;
        this.results = results;
        this.ws = ws;
        this.progress = progress;
    }

    /** The name used in the tables: "node", "native", "graalwasm". */
    abstract String contender();

    /** Null when the runtime can run here, else why not (verbatim error where there is one). */
    abstract String prepare();

    /** The command that times {@code ops × corpora × sizes}. */
    abstract List<String> command(List<String> ops, List<String> corpora, List<String> sizes, int warmupMs);

    abstract long timeoutSeconds(int cases);

    List<String> sizes(Op op) {
        return plan.externalSizes(op);
    }

    int warmupMillis() {
        return plan.externalWarmupMillis;
    }

    List<String> corpora() {
        return plan.corpora();
    }

    /** Whether to time the seed's inputs (10,000 words, 1,000 tokens) too. */
    boolean seeds() {
        return true;
    }

    final void run() {
        long t0 = System.nanoTime();
        String why = prepare();
        if (why != null) {
            results.notRun.put(contender(), why);
            progress.printf("%s: not run: %s%n", contender(), why);
            return;
        }
        // Group operations by the sizes they run at, so each group is one process.
        Map<List<String>, List<String>> bySizes = new LinkedHashMap<>();
        for (Op op : Op.values()) {
            List<String> sizes = sizes(op);
            if (!sizes.isEmpty()) {
                bySizes.computeIfAbsent(sizes, k -> new ArrayList<>()).add(op.id());
            }
        }
        int cases = 0;
        for (Map.Entry<List<String>, List<String>> g : bySizes.entrySet()) {
            cases += batch(g.getValue(), corpora(), g.getKey());
        }
        if (seeds()) {
            cases += batch(List.of(Op.COUNT_WORDS.id()), List.of("seed-words"), List.of("seed"));
            cases += batch(List.of(Op.TOKENIZE.id()), List.of("seed-tokens"), List.of("seed"));
        }
        double s = (System.nanoTime() - t0) / 1e9;
        results.stageSeconds.put(contender(), s);
        progress.printf("%s: %d cases in %.1f s%n", contender(), cases, s);
    }

    private int batch(List<String> ops, List<String> corpora, List<String> sizes) {
        int n = ops.size() * corpora.size() * sizes.size();
        List<String> cmd = command(ops, corpora, sizes, warmupMillis());
        Tools.Run r;
        try {
            r = Tools.run(cmd, ws.benchDir, timeoutSeconds(n));
        } catch (IOException e) {
            results.notRun.put(contender() + " " + String.join(",", ops), e.getMessage());
            return 0;
        }
        if (r.exit() != 0) {
            results.notRun.put(contender() + " " + String.join(",", ops), "exit " + r.exit() + ": " + r.tail());
            progress.printf("%s: FAILED (exit %d): %s%n", contender(), r.exit(), r.tail());
            return 0;
        }
        String json = r.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse("");
        try {
            Map<String, Object> doc = Json.object(Json.parse(json));
            onDocument(doc);
            for (Object o : Json.array(doc.get("results"))) {
                Map<String, Object> m = Json.object(o);
                String corpus = (String) m.get("corpus");
                String size = (String) m.get("size");
                if (corpus.equals("seed-words")) {
                    size = "10,000 words";
                } else if (corpus.equals("seed-tokens")) {
                    size = "1,000 tokens";
                }
                long bytes = (long) Json.number(m.get("bytes"));
                double rate = Json.number(m.get("opsPerSec"));
                results.add(new Measurement((String) m.get("op"), corpus, size, contender(), bytes, rate, Json.number(m.get("stdev"))));
            }
        } catch (RuntimeException e) {
            results.notRun.put(contender() + " " + String.join(",", ops), "unreadable output: " + e.getMessage() + "; stderr: " + r.tail());
        }
        return n;
    }

    /** A hook for the runtime's self-description (versions) in its JSON. */
    void onDocument(Map<String, Object> doc) {}

    static String csv(List<String> l) {
        return String.join(",", l);
    }
}
