package io.textwasm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.textwasm.testkit.Batches;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Engines;
import io.textwasm.testkit.Icu;
import io.textwasm.testkit.RandomTextGenerator;
import io.textwasm.testkit.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine against ICU4J 76.1 (Unicode 16.0), in all five forms:
 * <ul>
 *   <li>each of the 1,112,064 scalar values alone;
 *   <li>at least 100,000 random strings per run from {@link RandomTextGenerator}, which includes
 *       unpaired surrogates (the engine reads them as U+FFFD, so ICU is asked about the string
 *       with U+FFFD in their place);
 *   <li>on the same strings, idempotence and isNormalized(x) == (normalize(x) == x).
 * </ul>
 * Surrogate code points alone are not scalar values; BadInputTest covers them.
 *
 * <p>Speed: most strings are joined with U+000A, a starter that composes with nothing and that every
 * form leaves unchanged, so normalization never reaches across it and one call tests a whole
 * batch. The generator never emits U+000A, so splitting the output gives each string's result.
 */
class IcuDifferentialTest {
    static final int RANDOM_STRINGS = 100_000;
    static final int BATCH = 5_000;

    @ParameterizedTest
    @EnumSource(NormalizationForm.class)
    void everyScalarValueAloneMatchesIcu(NormalizationForm form) {
        List<String> all = new ArrayList<>(1_112_064);
        for (int cp : Cps.allScalarValues()) {
            all.add(Cps.of(cp));
        }
        TextEngine engine = Engines.aot();
        List<String> failures = Batches.compare(form + " of one scalar value", all, "\n",
                s -> engine.normalize(s, form), s -> Icu.normalize(s, form));
        Batches.assertNone(failures, null);
    }

    @ParameterizedTest
    @EnumSource(NormalizationForm.class)
    void randomStringsMatchIcuAreIdempotentAndAgreeWithIsNormalized(NormalizationForm form) {
        runRandom(form, Backend.AOT, RANDOM_STRINGS, true);
    }

    /** The other backends run the same core; a representative sample shows they run it alike. */
    @ParameterizedTest
    @EnumSource(value = NormalizationForm.class)
    void randomStringsMatchIcuOnTheOtherBackends(NormalizationForm form) {
        runRandom(form, Backend.COMPILER, 5_000, false);
        runRandom(form, Backend.INTERPRETER, 500, false);
    }

    private static void runRandom(NormalizationForm form, Backend backend, int count, boolean everyCheck) {
        TextEngine engine = Engines.get(backend);
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("IcuDifferentialTest." + form + "." + backend));
        List<String> failures = new ArrayList<>();
        int surrogates = 0;
        for (int done = 0; done < count && failures.size() < 10; done += BATCH) {
            List<String> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < Math.min(BATCH, count - done); i++) {
                String s = gen.normalizationString();
                batch.add(s);
                if (!Cps.replaceUnpairedSurrogates(s).equals(s)) {
                    surrogates++;
                }
            }
            String joined = String.join("\n", batch);
            String once = engine.normalize(joined, form);
            if (!once.equals(Icu.normalize(joined, form))) {
                failures.addAll(Batches.compare(form + " vs ICU4J", batch, "\n",
                        s -> engine.normalize(s, form), s -> Icu.normalize(s, form)));
            }
            // A batch cannot exercise what depends on the whole call (the all-ASCII shortcut, the
            // "unchanged, return the input" path): a tenth of the strings also go in alone.
            for (String s : batch.subList(0, batch.size() / 10)) {
                String want = Icu.normalize(s, form);
                String got = engine.normalize(s, form);
                if (!got.equals(want)) {
                    failures.add(Cps.diff(form + " vs ICU4J (alone)", s, want, got));
                }
            }
            // The UTF-8 API on the same text (unpaired surrogates already replaced: UTF-8 cannot hold them).
            failures.addAll(Batches.compare(form + " vs ICU4J (UTF-8 API)", batch, "\n",
                    s -> new String(engine.normalize(Cps.replaceUnpairedSurrogates(s).getBytes(StandardCharsets.UTF_8), form,
                            NormalizationOptions.DEFAULT), StandardCharsets.UTF_8),
                    s -> Icu.normalize(s, form)));
            if (!everyCheck || !failures.isEmpty()) {
                continue;
            }
            String twice = engine.normalize(once, form);
            if (!twice.equals(once)) {
                failures.addAll(Batches.compare(form + " is not idempotent", batch, "\n",
                        s -> engine.normalize(engine.normalize(s, form), form), s -> engine.normalize(s, form)));
            }
            if (!engine.isNormalized(once, form)) {
                failures.add(form + ": isNormalized(normalize(batch)) is false" + " for a batch of " + batch.size());
            }
            List<String> results = Batches.split(once, '\n');
            for (int i = 0; i < batch.size(); i++) {
                // Unpaired surrogates replaced first: whether isNormalized may say true for a string
                // that normalize changes only by that replacement is BadInputTest's concern.
                String x = Cps.replaceUnpairedSurrogates(batch.get(i));
                boolean want = results.get(i).equals(x);
                if (engine.isNormalized(x, form) != want) {
                    failures.add(form + ": isNormalized(x) is " + !want + " but normalize(x) " + (want ? "==" : "!=") + " x"
                            + "\n  given:      " + Cps.escape(x) + "\n  normalized: " + Cps.escape(results.get(i)));
                }
            }
        }
        Batches.assertNone(failures, "\n  (" + backend + ")" + Seeds.hint());
        if (count >= 10_000) {
            assertTrue(surrogates > count / 100, "the generator produced only " + surrogates + " strings with unpaired surrogates");
        }
    }
}
