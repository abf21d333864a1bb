package io.textwasm.bench.harness;

import com.ibm.icu.text.Normalizer2;
import io.textwasm.NormalizationForm;
import io.textwasm.TextEngine;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Nanoseconds per call for short strings (a word to a sentence), where a call's fixed cost
 * decides and the main matrix, whose smallest input is 1 KB, says nothing. A plain harness, not
 * JMH: every input and contender is first warmed up together for a few seconds (so that no
 * measurement runs while C2 compiles the module's classes), then each is timed in turn; the
 * fastest of five rounds of 200 ms is printed.
 *
 * <pre>java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' io.textwasm.bench.harness.ShortStrings</pre>
 */
public final class ShortStrings {
    /** Inputs: ASCII, Latin-1, combining marks, CJK, half-width katakana, emoji, Hangul, a sentence. */
    static final List<String> INPUTS = List.of("hello", "café", "cafe\u0301", "Cafe\u0301 cre\u0300me bru\u0302le\u0301e",
            "日本語のテキスト", "ｶﾀｶﾅ", "👋🏻", "한국어", "Straße", "The quick brown fox jumps over the lazy dog",
            "👩🏽‍💻 coding 🇯🇵");
    private static final long ROUND_NANOS = 200_000_000L;
    static volatile Object sink;

    private ShortStrings() {
    }

    public static void main(String[] args) {
        try (TextEngine engine = TextEngine.create()) {
            for (NormalizationForm form : List.of(NormalizationForm.NFC, NormalizationForm.NFKC)) {
                Normalizer2 icu = form == NormalizationForm.NFC ? Normalizer2.getNFCInstance() : Normalizer2.getNFKCInstance();
                Function<String, Object> ours = s -> engine.normalize(s, form);
                Function<String, Object> theirs = icu::normalize;
                long warmUntil = System.nanoTime() + 4_000_000_000L;
                while (System.nanoTime() < warmUntil) {
                    for (String s : INPUTS) {
                        for (int k = 0; k < 100; k++) {
                            sink = ours.apply(s);
                            sink = theirs.apply(s);
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "%-5s %-45s %12s %12s %8s%n", form, "input", "textwasm ns", "ICU4J ns", "ratio");
                for (String s : INPUTS) {
                    double tw = best(ours, s);
                    double ic = best(theirs, s);
                    System.out.printf(Locale.ROOT, "%-5s %-45s %12.1f %12.1f %7.2f×%n", form, s, tw, ic, ic / tw);
                }
            }
        }
    }

    /** The fastest of five rounds, in ns per call. */
    private static double best(Function<String, Object> f, String s) {
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = System.nanoTime();
            long calls = 0;
            long t;
            while ((t = System.nanoTime()) - t0 < ROUND_NANOS) {
                for (int k = 0; k < 1000; k++) {
                    sink = f.apply(s);
                }
                calls += 1000;
            }
            best = Math.min(best, (t - t0) / (double) calls);
        }
        return best;
    }
}
