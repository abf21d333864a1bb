package io.textwasm.bench.harness;

import com.ibm.icu.text.Normalizer2;
import io.textwasm.NormalizationForm;
import io.textwasm.TextEngine;
import io.textwasm.bench.corpus.Corpora;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * NFC and NFKC against ICU4J 76.1 as the fastest call, not the mean: a second view of the
 * normalization targets for a machine whose neighbours make JMH's means swing (its 99.9%
 * intervals were wider than the scores in most cells of the full runs on this project's 2-core
 * machine). A slow-down from outside only ever lengthens a call, so the best of a few thousand
 * calls is the figure that noise disturbs least; it flatters neither side, since both are timed
 * the same way.
 *
 * <p>Each side, form and corpus runs in a JVM of its own, as a JMH fork would, so that neither
 * side's code is compiled with the other's profile: a child times the four sizes in turn (one
 * second of calls to warm up, then the fastest of two seconds of calls) and prints one line. The
 * parent prints a table with textwasm's time, ICU4J's and the ratio. About five minutes.
 *
 * <pre>java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' io.textwasm.bench.harness.BestOfNormalize</pre>
 */
public final class BestOfNormalize {
    static final List<String> CORPORA = List.of("english", "french-nfd", "japanese", "korean", "emoji");
    static final List<String> SIZES = List.of("1KB", "10KB", "100KB", "1MB");
    private static final long WARM_NANOS = 1_000_000_000L;
    private static final long MEASURE_NANOS = 2_000_000_000L;
    static volatile Object sink;

    private BestOfNormalize() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 3) {
            child(args[0], NormalizationForm.valueOf(args[1]), args[2]);
            return;
        }
        System.out.printf(Locale.ROOT, "%-5s %-11s %-6s %12s %12s %8s%n", "form", "corpus", "size", "textwasm µs", "ICU4J µs", "ratio");
        for (NormalizationForm form : List.of(NormalizationForm.NFC, NormalizationForm.NFKC)) {
            for (String corpus : CORPORA) {
                double[] ours = fork("textwasm", form, corpus);
                double[] icu = fork("icu4j", form, corpus);
                for (int k = 0; k < SIZES.size(); k++) {
                    System.out.printf(Locale.ROOT, "%-5s %-11s %-6s %12.1f %12.1f %7.2f×%n",
                            form, corpus, SIZES.get(k), ours[k] / 1e3, icu[k] / 1e3, icu[k] / ours[k]);
                }
            }
        }
    }

    /** Runs one side, form and corpus in a new JVM; its best times per size, in nanoseconds. */
    private static double[] fork(String side, NormalizationForm form, String corpus) throws IOException, InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                BestOfNormalize.class.getName(), side, form.name(), corpus));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            line = r.readLine();
        }
        if (p.waitFor() != 0 || line == null) {
            throw new IllegalStateException("the child JVM for " + side + " " + form + " " + corpus + " failed (exit " + p.exitValue() + ")");
        }
        String[] fields = line.trim().split(" ");
        double[] best = new double[fields.length];
        for (int k = 0; k < fields.length; k++) {
            best[k] = Double.parseDouble(fields[k]);
        }
        return best;
    }

    private static void child(String side, NormalizationForm form, String corpus) {
        UnaryOperator<String> normalize;
        TextEngine engine = null;
        if (side.equals("icu4j")) {
            Normalizer2 icu = form == NormalizationForm.NFC ? Normalizer2.getNFCInstance() : Normalizer2.getNFKCInstance();
            normalize = icu::normalize;
        } else {
            TextEngine e = TextEngine.create();
            engine = e;
            normalize = s -> e.normalize(s, form);
        }
        StringBuilder out = new StringBuilder();
        for (String size : SIZES) {
            String text = Corpora.text(corpus, size);
            time(normalize, text, WARM_NANOS);
            out.append(time(normalize, text, MEASURE_NANOS)).append(' ');
        }
        if (engine != null) {
            engine.close();
        }
        System.out.println(out.toString().trim());
    }

    /** The fastest call, in nanoseconds, over {@code nanos} of calls. */
    private static long time(UnaryOperator<String> normalize, String text, long nanos) {
        long best = Long.MAX_VALUE;
        long end = System.nanoTime() + nanos;
        long now;
        do {
            long start = System.nanoTime();
            sink = normalize.apply(text);
            now = System.nanoTime();
            best = Math.min(best, now - start);
        } while (now < end);
        return best;
    }
}
