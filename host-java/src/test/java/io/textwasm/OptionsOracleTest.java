package io.textwasm;

import static io.textwasm.NormalizationForm.NFC;
import static io.textwasm.NormalizationForm.NFD;
import static io.textwasm.NormalizationForm.NFKC;
import static io.textwasm.NormalizationForm.NFKC_CASEFOLD;
import static io.textwasm.NormalizationForm.NFKD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.textwasm.testkit.Batches;
import io.textwasm.testkit.Cps;
import io.textwasm.testkit.Engines;
import io.textwasm.testkit.Icu;
import io.textwasm.testkit.OptionsOracle;
import io.textwasm.testkit.RandomTextGenerator;
import io.textwasm.testkit.Seeds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NormalizationOptions (case folding, whitespace collapsing, control removal) in every form
 * against {@link OptionsOracle}, an independent rebuild from ICU primitives of the definitions
 * the core documents. The oracle is itself checked where ICU has an answer of its own: NFKC with
 * case folding and default-ignorables removed must be ICU's NFKC_Casefold.
 */
class OptionsOracleTest {
    static final int STRINGS_PER_CONFIGURATION = 5_000;
    static final int ALONE_PER_CONFIGURATION = 400;

    static List<NormalizationOptions> optionCombinations() {
        List<NormalizationOptions> out = new ArrayList<>();
        for (int m = 0; m < 8; m++) {
            NormalizationOptions o = NormalizationOptions.DEFAULT;
            if ((m & 1) != 0) {
                o = o.withCaseFolding();
            }
            if ((m & 2) != 0) {
                o = o.withCollapsedWhitespace();
            }
            if ((m & 4) != 0) {
                o = o.withoutControls();
            }
            out.add(o);
        }
        return out;
    }

    /** The oracle's own proof: its NFKC_Casefold equals ICU's for every scalar value alone. */
    @Test
    void oracleEqualsIcuNfkcCasefoldOnEveryScalarValue() {
        List<String> all = new ArrayList<>();
        for (int cp : Cps.allScalarValues()) {
            all.add(Cps.of(cp));
        }
        Batches.assertNone(Batches.compare("oracle NFKC_Casefold vs ICU", all, "\n",
                s -> OptionsOracle.normalize(s, NFKC_CASEFOLD, NormalizationOptions.DEFAULT),
                s -> Icu.normalize(s, NFKC_CASEFOLD)), null);
    }

    /** Case folding's per-code-point closure, for every scalar value alone, in each form. */
    @ParameterizedTest
    @EnumSource(value = NormalizationForm.class, names = {"NFC", "NFD", "NFKC", "NFKD"})
    void caseFoldingOfEveryScalarValueAlone(NormalizationForm form) {
        List<String> all = new ArrayList<>();
        for (int cp : Cps.allScalarValues()) {
            all.add(Cps.of(cp));
        }
        NormalizationOptions fold = NormalizationOptions.DEFAULT.withCaseFolding();
        TextEngine engine = Engines.aot();
        Batches.assertNone(Batches.compare(form + " with case folding", all, "\n",
                s -> engine.normalize(s, form, fold), s -> OptionsOracle.normalize(s, form, fold)), null);
    }

    static Stream<Arguments> configurations() {
        List<Arguments> out = new ArrayList<>();
        for (NormalizationForm f : NormalizationForm.values()) {
            for (NormalizationOptions o : optionCombinations()) {
                out.add(Arguments.of(f, o));
            }
        }
        return out.stream();
    }

    /**
     * Random strings (whitespace runs and controls added, also at the ends) joined with U+E000, a
     * private-use starter that no option or form touches or composes with, so each string stays
     * independent (except that whitespace next to it is collapsed rather than trimmed); then a
     * share of them alone, where trimming applies, through the String and UTF-8 APIs and
     * isNormalized.
     */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("configurations")
    void randomStringsMatchTheOracle(NormalizationForm form, NormalizationOptions options) {
        TextEngine engine = Engines.aot();
        RandomTextGenerator gen = new RandomTextGenerator(Seeds.forTest("OptionsOracleTest." + form + options));
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < STRINGS_PER_CONFIGURATION; i++) {
            batch.add(gen.optionsString().replace('\uE000', '\uE001'));
        }
        String label = form + " " + options;
        List<String> failures = new ArrayList<>(Batches.compare(label, batch, "\uE000",
                s -> engine.normalize(s, form, options), s -> OptionsOracle.normalize(s, form, options)));
        for (String s : batch.subList(0, ALONE_PER_CONFIGURATION)) {
            String want = OptionsOracle.normalize(s, form, options);
            String got = engine.normalize(s, form, options);
            if (!got.equals(want)) {
                failures.add(Cps.diff(label + " (alone)", s, want, got));
                continue;
            }
            String clean = Cps.replaceUnpairedSurrogates(s);
            String viaBytes = new String(engine.normalize(clean.getBytes(StandardCharsets.UTF_8), form, options), StandardCharsets.UTF_8);
            if (!viaBytes.equals(want)) {
                failures.add(Cps.diff(label + " (UTF-8 API)", clean, want, viaBytes));
            }
            boolean unchanged = want.equals(clean);
            if (engine.isNormalized(clean, form, options) != unchanged) {
                failures.add(label + ": isNormalized(x) is " + !unchanged + " but normalize(x) " + (unchanged ? "==" : "!=")
                        + " x\n  given:      " + Cps.escape(clean) + "\n  normalized: " + Cps.escape(want));
            }
        }
        Batches.assertNone(failures, Seeds.hint());
    }

    // ------------------------------------------------------------------ worked examples

    private static void check(String given, NormalizationForm form, NormalizationOptions o, String expected) {
        String actual = Engines.aot().normalize(given, form, o);
        assertEquals(expected, OptionsOracle.normalize(given, form, o), () -> "the oracle itself: " + Cps.escape(given));
        assertEquals(expected, actual, () -> Cps.diff(form + " " + o, given, expected, actual));
    }

    private static final NormalizationOptions FOLD = NormalizationOptions.DEFAULT.withCaseFolding();
    private static final NormalizationOptions COLLAPSE = NormalizationOptions.DEFAULT.withCollapsedWhitespace();
    private static final NormalizationOptions STRIP = NormalizationOptions.DEFAULT.withoutControls();

    @Test
    void caseFoldingIsFullFoldingWithTheFormsDecomposition() {
        check("Straße", NFC, FOLD, "strasse");                 // F: ß → ss
        check("ẞ", NFC, FOLD, "ss");                           // U+1E9E
        check("ΣΊΣΥΦΟΣ", NFC, FOLD, "σίσυφοσ");                // no final-sigma context in folding
        check("\u0130", NFC, FOLD, "i\u0307");                 // İ → i + combining dot above
        check("\u1F88", NFC, FOLD, "\u1F00\u03B9");            // ᾈ: decompose, fold the iota subscript, recompose
        check("\u1F88", NFD, FOLD, "\u03B1\u0313\u03B9");
        check("\u1E9B", NFC, FOLD, "\u1E61");                  // ẛ folds to ṡ
        check("\uFB03", NFC, FOLD, "ffi");                     // a folding that expands
        check("\uD835\uDC00", NFC, FOLD, "\uD835\uDC00");      // 𝐀: NFC keeps it, so folding cannot see the A
        check("\uD835\uDC00", NFKC, FOLD, "a");                // NFKC decomposes it first, then folds
        check("\u33C7", NFKC, FOLD, "co.");                    // ㏇ → "Co." → "co."
        check("\u212B", NFC, FOLD, "\u00E5");                  // Ångström sign → Å → å
        check("\u0345", NFC, FOLD, "\u03B9");
    }

    @Test
    void controlsAreRemovedBeforeComposition() {
        check("A\u0001\u030A", NFC, STRIP, "\u00C5");           // the control no longer blocks A + ring
        check("A\u0001\u030A", NFC, NormalizationOptions.DEFAULT, "A\u0001\u030A");
        check("a\tb\nc\rd\u007F\u0085\u009F", NFC, STRIP, "a\tb\nc\rd");
        check("\u0000", NFKC, STRIP, "");
    }

    @Test
    void whitespaceIsCollapsedAfterNormalization() {
        check("  a \t\n b  ", NFC, COLLAPSE, "a b");
        check("\u3000x\u2028\u2029y\u00A0", NFC, COLLAPSE, "x y");
        check(" \u0085 ", NFC, COLLAPSE, "");
        check("", NFC, COLLAPSE, "");
        // NFKC maps U+00A8 DIAERESIS to U+0020 U+0308; the space is then a leading run and trimmed.
        check("\u00A8", NFKC, COLLAPSE, "\u0308");
        check("a\u00A8", NFKC, COLLAPSE, "a \u0308");
        check("a\u2002\u2003b", NFKC, COLLAPSE, "a b");
    }

    @Test
    void optionsCombine() {
        NormalizationOptions all = FOLD.withCollapsedWhitespace().withoutControls();
        check("  STRASSE\u0001 \u3000 Ǆ\u00A0 ", NFKC, all, "strasse dž");
        check("\u00AD A\u0000\u030A ", NFKC_CASEFOLD, all, "\u00E5");
        check("E\u0301\u0002", NFD, all, "e\u0301");
        check("Ｆｕｌｌ  ｗｉｄｔｈ", NFKD, all, "full width");
    }
}
