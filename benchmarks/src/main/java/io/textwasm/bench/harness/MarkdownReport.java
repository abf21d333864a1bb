package io.textwasm.bench.harness;

import io.textwasm.bench.contender.Contender.Op;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** RESULTS.md: the tables, the targets and claims checked against them, and what could not run. */
final class MarkdownReport {
    /**
     * Table columns, in order: the JVM contenders, then the same module elsewhere, then the
     * ceiling. The String API columns (AOT, compiler, interpreter) are the Java host with the
     * module behind it; "module" is the byte API, where every call runs the module.
     */
    static final List<String> COLUMNS = List.of("aot", "compiler", "interpreter", "module", "icu4j", "jdk", "jdk25", "node", "graalwasm", "native");

    static final Map<String, String> TITLES = Map.of(
            "aot", "textwasm AOT (String API)", "compiler", "textwasm compiler", "interpreter", "textwasm interpreter",
            "module", "textwasm module alone (byte API, AOT)",
            "icu4j", "ICU4J 76.1", "jdk", "java.text (JDK 17)", "jdk25", "java.text (JDK 25)",
            "node", "Node (V8)", "graalwasm", "GraalWasm", "native", "native Rust");

    private final Plan plan;
    private final Results r;
    private final StringBuilder md = new StringBuilder();

    MarkdownReport(Plan plan, Results r) {
        this.plan = plan;
        this.r = r;
    }

    String summarySize() {
        return plan.quick ? "1KB" : "100KB";
    }

    String render(String command) {
        line("# textwasm: the same module on every runtime");
        line();
        line("Produced by `" + command + "` on " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))
                + ". Every figure below comes from that one run, so the ratios compare like with like.");
        if (plan.quick) {
            line();
            line("> **Quick (smoke) run**: every benchmark and contender executed once, without warm-up. The figures are meaningless; "
                    + "only that everything ran is checked.");
        }
        line();
        machine();
        method();
        summary();
        targets();
        seedClaims();
        for (Op op : Op.values()) {
            opTable(op);
        }
        seedTable();
        startup();
        memory();
        scaling();
        fidelity();
        notRun();
        notes();
        return md.toString();
    }

    private void line(String s) {
        md.append(s).append('\n');
    }

    private void line() {
        md.append('\n');
    }

    private void machine() {
        line("## Machine");
        line();
        line("| | |");
        line("|---|---|");
        r.machine.forEach((k, v) -> line("| " + k + " | " + v.replace("|", "\\|") + " |"));
        line();
    }

    private void method() {
        line("## Method");
        line();
        line("- JVM contenders: " + plan.describeJmh() + ". The benchmarks are in `benchmarks/src/main/java/io/textwasm/bench/jmh/`; "
                + "each calls the public API as an application would (String in, String, List or number out).");
        line("- Node, native and GraalWasm: " + plan.describeExternal() + ", on the same corpus files and the same `.wasm` as the Java host.");
        line("- Throughput is **MB/s of UTF-8 input** (10^6 bytes per second). Ratios are throughput ratios from this run: "
                + "above 1 means textwasm (AOT) is faster.");
        line("- **What the textwasm columns measure.** `textwasm AOT (String API)` is `TextEngine`'s String methods: the Java "
                + "host answers from the module's data where it can (text it proves stable, mappings and pieces it learnt from "
                + "the module, word and cluster walks over the module's tables) and calls the module for the rest. "
                + "`textwasm module alone (byte API, AOT)` runs the module on every call, as the CLI's `normalize`, `count` and `segment` and the other hosts (Node, native) do. "
                + "The host's caches are filled by the first call and shared by the JVM, and each cell repeats one text "
                + "made from a few hundred words, so later iterations find every piece learnt: text with many distinct "
                + "pieces (Korean in NFD, for one) is much slower than these cells (benchmarks/README.md, \"Method\").");
        noise();
        line("- Sizes are upper bounds: each text stops at the last whole sentence or word that fits (see `Corpus.java`).");
        line("- Sizes run: AOT, ICU4J, Node and native: " + String.join(", ", plan.sizes("aot", Op.COUNT_WORDS)) + "; "
                + "java.text (JDK 17): " + String.join(", ", plan.sizes("jdk", Op.COUNT_WORDS)) + "; "
                + "runtime compiler: " + String.join(", ", plan.sizes("compiler", Op.COUNT_WORDS)) + " (it generates the same bytecode as AOT); "
                + "interpreter: " + String.join(", ", plan.sizes("interpreter", Op.COUNT_WORDS)) + " on " + String.join(" and ", plan.corpora("interpreter"))
                + " (about a hundred times slower, and seconds per fork to expand its tables); "
                + "java.text on JDK 25 and GraalWasm: " + String.join(", ", plan.graalSizes()) + ".");
        line();
    }

    private double mbps(String op, String corpus, String size, String contender) {
        Measurement m = r.find(op, corpus, size, contender);
        return m == null ? Double.NaN : m.mbPerSec();
    }

    private double ops(String op, String corpus, String size, String contender) {
        Measurement m = r.find(op, corpus, size, contender);
        return m == null ? Double.NaN : m.opsPerSec();
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        } else if (v >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        } else if (v >= 0.1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }

    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.2f×", a / b);
    }

    private List<String> sizesOf(String op) {
        List<String> sizes = new ArrayList<>();
        for (String s : new String[] {"1KB", "10KB", "100KB", "1MB"}) {
            if (r.measurements.stream().anyMatch(m -> m.op().equals(op) && m.size().equals(s))) {
                sizes.add(s);
            }
        }
        return sizes;
    }

    private void summary() {
        String size = summarySize();
        line("## Summary at " + size + " (MB/s; truncation in µs per call at the largest size)");
        line();
        List<String> cols = List.of("aot", "module", "icu4j", "jdk", "node", "graalwasm", "native");
        StringBuilder h = new StringBuilder("| operation | corpus |");
        StringBuilder sep = new StringBuilder("|---|---|");
        for (String c : cols) {
            h.append(' ').append(TITLES.get(c)).append(" |");
            sep.append("---:|");
        }
        line(h + " AOT ÷ ICU4J | AOT ÷ native |");
        line(sep + "---:|---:|");
        for (Op op : Op.values()) {
            boolean trunc = op == Op.TRUNCATE;
            String sz = trunc ? last(sizesOf(op.id())) : size;
            if (op == Op.NORMALIZE_NFKC_CF && !plan.quick) {
                sz = "100KB";
            }
            for (String corpus : plan.corpora()) {
                StringBuilder row = new StringBuilder("| " + op.title + (trunc ? " (" + sz + ", µs)" : "") + " | " + corpus + " |");
                for (String c : cols) {
                    double v = trunc ? 1e6 / ops(op.id(), corpus, sz, c) : mbps(op.id(), corpus, sz, c);
                    row.append(' ').append(num(v)).append(" |");
                }
                double aot = ops(op.id(), corpus, sz, "aot");
                row.append(' ').append(ratio(aot, ops(op.id(), corpus, sz, "icu4j"))).append(" |");
                row.append(' ').append(ratio(aot, ops(op.id(), corpus, sz, "native"))).append(" |");
                line(row.toString());
            }
        }
        line();
    }

    private static String last(List<String> l) {
        return l.isEmpty() ? "1MB" : l.get(l.size() - 1);
    }

    /** Min and max of aot ÷ other over every corpus and size both ran. */
    /**
     * Cells left out of the targets' ranges and verdicts, with the reason: not a throughput
     * (HotSpot removes the English NFC scan for a Latin-1 String, and isNormalized on French NFD
     * stops at the first accent on both sides), or not the same answer (ICU segments Japanese
     * and Korean with dictionaries, UAX #29 does not). Their ratios are still listed.
     */
    static final Map<String, String> SET_ASIDE = Map.of(
            "normalize-nfc|english", "constant time",
            "is-normalized-nfc|english", "constant time",
            "is-normalized-nfc|french-nfd", "early exit",
            "count-words|japanese", "different answers",
            "count-words|korean", "different answers",
            "tokenize|japanese", "different answers",
            "tokenize|korean", "different answers");

    private double[] ratioRange(String op, String other, List<String> corpora) {
        double min = Double.NaN;
        double max = Double.NaN;
        for (String corpus : corpora) {
            if (SET_ASIDE.containsKey(op + "|" + corpus)) {
                continue;
            }
            for (String size : sizesOf(op)) {
                double a = ops(op, corpus, size, "aot");
                double b = ops(op, corpus, size, other);
                if (!Double.isNaN(a) && !Double.isNaN(b)) {
                    double q = a / b;
                    min = Double.isNaN(min) ? q : Math.min(min, q);
                    max = Double.isNaN(max) ? q : Math.max(max, q);
                }
            }
        }
        return new double[] {min, max};
    }

    private void target(String what, String op, String other, List<String> corpora, double goal) {
        double[] q = ratioRange(op, other, corpora);
        String met = Double.isNaN(q[0]) ? "not measured" : q[0] >= goal ? "**met**" : q[1] >= goal ? "**partly** (not on every cell)" : "**not met**";
        StringBuilder cells = new StringBuilder();
        int uncertain = 0;
        int measured = 0;
        int meets = 0;
        List<String> asideNotes = new ArrayList<>();
        for (String corpus : corpora) {
            String aside = SET_ASIDE.get(op + "|" + corpus);
            if (aside != null) {
                asideNotes.add(corpus + " (" + aside + ")");
            }
            List<String> parts = new ArrayList<>();
            for (String size : sizesOf(op)) {
                Measurement a = r.find(op, corpus, size, "aot");
                Measurement b = r.find(op, corpus, size, other);
                if (a != null && b != null) {
                    measured++;
                    // JMH's 99.9% intervals of both sides: could the verdict on this cell go either way?
                    double low = (a.opsPerSec() - err(a)) / (b.opsPerSec() + err(b));
                    double high = b.opsPerSec() > err(b) ? (a.opsPerSec() + err(a)) / (b.opsPerSec() - err(b)) : Double.POSITIVE_INFINITY;
                    boolean noisy = aside == null && low < goal && high >= goal;
                    uncertain += noisy ? 1 : 0;
                    measured -= aside != null ? 1 : 0;
                    meets += aside == null && a.opsPerSec() / b.opsPerSec() >= goal ? 1 : 0;
                    parts.add(size + " " + ratio(a.opsPerSec(), b.opsPerSec()) + (noisy ? "?" : ""));
                }
            }
            if (!parts.isEmpty()) {
                cells.append(cells.length() == 0 ? "" : "; ").append(corpus).append(aside != null ? " [set aside]" : "")
                        .append(": ").append(String.join(", ", parts));
            }
        }
        // "14 of 16 cells, marked ?" was read as 14 cells meeting the goal: say both counts.
        String noise = (measured == 0 ? "" : " (" + meets + " of " + measured + " cells meet it"
                + (uncertain == 0 ? "" : "; " + uncertain + ", marked ?, are within the noise of the goal") + ")")
                + (asideNotes.isEmpty() ? "" : "; set aside: " + String.join(", ", asideNotes));
        line("| " + what + " | " + ratio(q[0], 1) + " … " + ratio(q[1], 1) + " | " + met + noise + " | " + cells + " |");
    }

    /** A measurement's error, or 0 where the harness has none (NaN from a single iteration). */
    private static double err(Measurement m) {
        return Double.isNaN(m.error()) || m.error() < 0 ? 0 : m.error();
    }

    /** How wide JMH's intervals were in this run: the median, and how many cells were wider than the score. */
    private void noise() {
        List<Double> relative = new ArrayList<>();
        for (Measurement m : r.measurements) {
            if (JmhStage.CONTENDERS.contains(m.contender()) && !Double.isNaN(m.error()) && m.opsPerSec() > 0) {
                relative.add(m.error() / m.opsPerSec());
            }
        }
        if (relative.isEmpty()) {
            return;
        }
        relative.sort(null);
        long wide = relative.stream().filter(x -> x > 1).count();
        line("- **Noise.** JMH's 99.9% confidence intervals (" + plan.describeJmh() + "): the median is ±"
                + Math.round(100 * relative.get(relative.size() / 2)) + "% of the score, and " + wide + " of " + relative.size()
                + " JVM cells have an interval wider than the score itself. Each target below marks with ? the cells whose "
                + "verdict the intervals of both sides could turn; read single ratios with that in mind.");
    }

    private void targets() {
        line("## Speed targets of issues 3 and 4 (textwasm AOT ÷ ICU4J, every corpus and size measured)");
        line();
        line("| target | range | verdict | by corpus and size |");
        line("|---|---:|---|---|");
        List<String> all = plan.corpora();
        target("NFC at or above ICU4J on every corpus", Op.NORMALIZE_NFC.id(), "icu4j", all, 1.0);
        target("NFKC at or above ICU4J on every corpus", Op.NORMALIZE_NFKC.id(), "icu4j", all, 1.0);
        target("NFC 1.5× ICU4J on composition-heavy text (French NFD)", Op.NORMALIZE_NFC.id(), "icu4j", List.of("french-nfd"), 1.5);
        target("word count ≥ 3× ICU4J's word BreakIterator", Op.COUNT_WORDS.id(), "icu4j", all, 3.0);
        target("tokenize ≥ 3× ICU4J's word BreakIterator", Op.TOKENIZE.id(), "icu4j", all, 3.0);
        target("grapheme count ≥ 3× ICU4J's character BreakIterator", Op.COUNT_GRAPHEMES.id(), "icu4j", all, 3.0);
        line();
        List<String> sizes = sizesOf(Op.TRUNCATE.id());
        if (sizes.size() > 1) {
            List<String> parts = new ArrayList<>();
            for (String corpus : all) {
                double small = ops(Op.TRUNCATE.id(), corpus, sizes.get(0), "aot");
                double big = ops(Op.TRUNCATE.id(), corpus, last(sizes), "aot");
                parts.add(corpus + " " + num(1e6 / small) + " µs → " + num(1e6 / big) + " µs");
            }
            line("Truncation cost must grow with the budget, not the text: AOT, " + sizes.get(0) + " → " + last(sizes) + ": "
                    + String.join("; ", parts) + ".");
            line();
        }
    }

    private static double median(List<Double> v) {
        if (v == null || v.isEmpty()) {
            return Double.NaN;
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private void seedClaims() {
        line("## The seed's claims against this run");
        line();
        line("| claim | measured | holds? |");
        line("|---|---|---|");
        String rawSize = r.memory.stream().filter(x -> x[1].endsWith("raw")).map(x -> x[2]).findFirst().orElse("–");
        line("| a WASM module of ≈ 50 KB | " + rawSize + " | " + (Double.isNaN(r.moduleBytes) ? "–"
                : r.moduleBytes <= 51_200 ? "yes (within the 51,200 B budget)" : "**no** (the budget is 51,200 B)") + " |");
        String linear = r.memory.stream().filter(x -> x[0].startsWith("aot") && x[1].startsWith("linear memory of one idle")).map(x -> x[2]).findFirst().orElse("–");
        String heap = r.memory.stream().filter(x -> x[0].startsWith("aot") && x[1].startsWith("Java heap")).map(x -> x[2]).findFirst().orElse("–");
        line("| under 512 KB of memory | linear memory of an idle instance " + linear + "; Java heap per AOT engine " + heap + " | "
                + (Double.isNaN(r.aotLinearBytes) ? "–" : r.aotLinearBytes <= 512 * 1024 ? "yes" : "**no**") + " |");
        double words = ops(Op.COUNT_WORDS.id(), "seed-words", "10,000 words", "aot");
        line("| word count of 10,000 words in 200 µs | " + (Double.isNaN(words) ? "–" : num(1e6 / words) + " µs") + " | "
                + verdict(1e6 / words <= 200) + " |");
        double toks = ops(Op.TOKENIZE.id(), "seed-tokens", "1,000 tokens", "aot");
        line("| tokenize 1,000 tokens in 45 µs | " + (Double.isNaN(toks) ? "–" : num(1e6 / toks) + " µs") + " | " + verdict(1e6 / toks <= 45) + " |");
        List<String> tsizes = sizesOf(Op.TRUNCATE.id());
        String big = last(tsizes);
        double trunc = ops(Op.TRUNCATE.id(), "english", big, "aot");
        line("| truncate a 1 MB text in 5 µs | " + (Double.isNaN(trunc) ? "–" : num(1e6 / trunc) + " µs (English, " + big + ", to 280 bytes)") + " | "
                + verdict(1e6 / trunc <= 5) + " |");
        Map<Integer, Double> cw = r.scaling.get("aot|countWords");
        String scale = cw != null && cw.containsKey(1) && cw.containsKey(2) ? ratio(cw.get(2), cw.get(1)) + " with 2 threads on "
                + Runtime.getRuntime().availableProcessors() + " cores (word count, one shared engine)" : "–";
        line("| 3× throughput on 4 cores | " + scale + " | not testable here (2 cores); see Multi-core |");
        line();
    }

    private static String verdict(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    private void opTable(Op op) {
        List<String> sizes = sizesOf(op.id());
        if (sizes.isEmpty()) {
            return;
        }
        boolean trunc = op == Op.TRUNCATE;
        String floorOp = trunc ? "baseline-prefix" : "baseline-utf8";
        List<String> cols = new ArrayList<>();
        for (String c : COLUMNS) {
            if (r.measurements.stream().anyMatch(m -> m.op().equals(op.id()) && m.contender().equals(c))) {
                cols.add(c);
            }
        }
        line("### " + op.title + (trunc ? " (µs per call; lower is better)" : " (MB/s)"));
        line();
        StringBuilder h = new StringBuilder("| corpus | size |");
        StringBuilder sep = new StringBuilder("|---|---|");
        for (String c : cols) {
            h.append(' ').append(TITLES.get(c)).append(" |");
            sep.append("---:|");
        }
        line(h + " floor: " + (trunc ? "prefix encode" : "UTF-8 encode") + " | AOT ÷ ICU4J | AOT ÷ native | Node ÷ native |");
        line(sep + "---:|---:|---:|---:|");
        for (String corpus : plan.corpora()) {
            for (String size : sizes) {
                StringBuilder row = new StringBuilder("| " + corpus + " | " + size + " |");
                for (String c : cols) {
                    row.append(' ').append(num(trunc ? 1e6 / ops(op.id(), corpus, size, c) : mbps(op.id(), corpus, size, c))).append(" |");
                }
                row.append(' ').append(num(trunc ? 1e6 / ops(floorOp, corpus, size, "baseline") : mbps(floorOp, corpus, size, "baseline"))).append(" |");
                double aot = ops(op.id(), corpus, size, "aot");
                row.append(' ').append(ratio(aot, ops(op.id(), corpus, size, "icu4j"))).append(" |");
                row.append(' ').append(ratio(aot, ops(op.id(), corpus, size, "native"))).append(" |");
                row.append(' ').append(ratio(ops(op.id(), corpus, size, "node"), ops(op.id(), corpus, size, "native"))).append(" |");
                line(row.toString());
            }
        }
        line();
    }

    private void seedTable() {
        line("### The seed's inputs (µs per call)");
        line();
        line("| case | " + String.join(" | ", COLUMNS.stream().map(TITLES::get).toList()) + " | AOT ÷ ICU4J |");
        line("|---|" + "---:|".repeat(COLUMNS.size()) + "---:|");
        String[][] cases = {{Op.COUNT_WORDS.id(), "seed-words", "10,000 words", "word count, 10,000 words"},
            {Op.TOKENIZE.id(), "seed-tokens", "1,000 tokens", "tokenize, 1,000 tokens"}};
        for (String[] c : cases) {
            StringBuilder row = new StringBuilder("| " + c[3] + " |");
            for (String col : COLUMNS) {
                row.append(' ').append(num(1e6 / ops(c[0], c[1], c[2], col))).append(" |");
            }
            row.append(' ').append(ratio(ops(c[0], c[1], c[2], "aot"), ops(c[0], c[1], c[2], "icu4j"))).append(" |");
            line(row.toString());
        }
        line();
    }

    private void startup() {
        line("## Start-up: process start to first normalized string (ms)");
        line();
        line("Each run is a fresh process: the time runs from just before the harness starts it (JVM or Node launch included) "
                + "to the first `normalize` result. JVM rows create a `TextEngine` (or the ICU4J / java.text object) and normalize one string.");
        line();
        line("| runtime | median | min | max | runs |");
        line("|---|---:|---:|---:|---:|");
        r.startupMs.forEach((k, v) -> line(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d |", k, num(median(v)),
                num(v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN)),
                num(v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN)), v.size())));
        line();
    }

    private void memory() {
        line("## Memory");
        line();
        line("Linear memory is read from a live instance (`TextEngine.instanceMemory()`). Java heap per engine is the heap in use after "
                + "full collections with N engines alive (each holding one core instance), minus the heap before, divided by N "
                + "(Serial GC). Chicory keeps linear memory in a Java byte[], so the heap figure includes it.");
        line();
        line("| | what | value |");
        line("|---|---|---:|");
        for (String[] row : r.memory) {
            line("| " + row[0] + " | " + row[1] + " | " + row[2] + " |");
        }
        line();
    }

    private void scaling() {
        line("## Multi-core: one shared engine, 1 and 2 threads (ops/s, 10 KB inputs)");
        line();
        line("`PooledScalingBenchmark`: every thread calls the same `TextEngine` (its pool hands each call its own core instance); "
                + "ICU4J beside it, one break iterator per thread, shows what the JVM itself scales to on this machine.");
        line();
        line("| contender | operation | 1 thread | 2 threads | scaling |");
        line("|---|---|---:|---:|---:|");
        r.scaling.forEach((k, v) -> {
            String[] p = k.split("\\|");
            line("| " + p[0] + " | " + p[1] + " | " + num(v.getOrDefault(1, Double.NaN)) + " | " + num(v.getOrDefault(2, Double.NaN)) + " | "
                    + ratio(v.getOrDefault(2, Double.NaN), v.getOrDefault(1, Double.NaN)) + " |");
        });
        line();
    }

    private void fidelity() {
        line("## Fidelity");
        line();
        line("Every string of the Unicode 16.0.0 NormalizationTest (all five columns), GraphemeBreakTest and WordBreakTest, through "
                + "normalize (NFC, NFD, NFKC, NFKD, NFKC_Casefold), segment (graphemes, words) and tokenize, compared byte for byte "
                + "with the AOT backend" + (plan.fidelityStride > 1 ? " (this run: every " + plan.fidelityStride + "th case; the JUnit test `FidelityTest` checks all of them)" : "") + ":");
        line();
        for (String f : r.fidelity) {
            line("- " + f);
        }
        line();
    }

    private void notRun() {
        line("## What did not run, and why");
        line();
        if (r.notRun.isEmpty()) {
            line("Everything ran.");
        }
        r.notRun.forEach((k, v) -> line("- **" + k + "**: " + v));
        line();
    }

    private void notes() {
        line("## Notes");
        line();
        if (plan.quick) {
            line("- Quick run: start-up measured for " + String.join(", ", plan.startupRuntimes()) + " and Node only; memory for "
                    + String.join(", ", plan.memoryBackends()) + " only; GraalWasm on " + String.join(", ", plan.graalCorpora())
                    + " only and not in start-up or fidelity; fidelity on every " + plan.fidelityStride + "th case.");
        }
        line("- English NFC and isNormalized NFC: the Java host answers \"unchanged\" itself for text entirely below U+0300 (the rule the core applies; see `StableText`), and for a Latin-1 string HotSpot proves that no character can reach U+0300 and removes the loop: those cells cost a constant few nanoseconds and their MB/s and ratios are not throughput. NFKC's threshold (U+00A0) lies inside Latin-1, so its English row is a real scan.");
        line("- Other corpora: the host checks each character against the module's own set of stable code points (fetched once per backend in a JVM and shared by its engines, 16 KiB per form) and sends the core only the text from the last stable code point before the first one that may change. Text that needs no change never enters linear memory; the answers remain the module's.");
        line("- java.text on JDK 17 implements Unicode " + MachineInfo.jdkUnicode() + " and, for graphemes, legacy clusters without emoji "
                + "sequences (extended grapheme clusters arrived in JDK 20): its grapheme and truncation figures answer an easier "
                + "question. The JDK 25 column (Unicode 16) answers the same one. It has no NFKC_Casefold.");
        line("- Word count: textwasm counts UAX #29 segments holding a letter, number, ideograph or kana; ICU4J counts segments whose "
                + "rule status is not NONE and splits CJK with a dictionary (so Japanese counts differ); java.text has no rule status "
                + "and counts segments that start with a letter or digit.");
        line("- Tokenize returns a `List<io.textwasm.Token>` of slices (kind, UTF-16 offsets, the text cut from the string when first "
                + "read) for every JVM contender, and the benchmark reads every token's kind and offsets (not its text). ICU4J's and "
                + "java.text's contenders fill an ArrayList; textwasm's list holds offsets and kinds and makes each token as it is read. "
                + "Node builds "
                + "such objects in JavaScript, the text a `slice` of the string; the native binary returns the core's records with byte offsets (no strings), "
                + "which is what a Rust caller would slice with.");
        line("- Native Rust reads the corpus as bytes and calls the library directly: no UTF-16 conversion and no copy into linear "
                + "memory. `AOT ÷ native` is therefore the whole cost of running in a JVM sandbox, host included.");
        line("- GraalWasm runs on JDK 25 with the Graal JIT on the upgrade module path (JVMCI); input reaches its linear memory "
                + "through polyglot buffer writes, eight bytes per call.");
        if (!r.stageSeconds.isEmpty()) {
            List<String> parts = new ArrayList<>();
            r.stageSeconds.forEach((k, v) -> parts.add(k + " " + Math.round(v) + " s"));
            line("- Stage times: " + String.join(", ", parts) + ".");
        }
        line();
    }
}
