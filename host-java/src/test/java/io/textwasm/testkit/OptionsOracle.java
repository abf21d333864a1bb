package io.textwasm.testkit;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import io.textwasm.NormalizationForm;
import io.textwasm.NormalizationOptions;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The normalization options rebuilt from ICU primitives, following the definitions in
 * wasm-module/src/normalize/mod.rs (module notes) and NormalizationOptions, step by step:
 * <ol>
 *   <li>per input code point: remove default-ignorables (NFKC_Casefold only) and, with
 *       stripControls, General_Category Cc other than TAB, LF and CR; then, with case folding,
 *       map it by its fold closure: decompose with the form's decomposition (NFD or NFKD), apply
 *       full case folding (CaseFolding C+F), decompose again, and repeat until nothing changes;
 *   <li>the form's canonical reordering and composition: ICU's normalize of the concatenation;
 *   <li>with collapseWhitespace: each run of White_Space becomes one U+0020, and leading and
 *       trailing runs are removed.
 * </ol>
 * Unpaired surrogates are read as U+FFFD, as the engine documents.
 */
public final class OptionsOracle {
    private static final ConcurrentHashMap<Long, String> CLOSURES = new ConcurrentHashMap<>();

    private OptionsOracle() {}

    public static String normalize(CharSequence text, NormalizationForm form, NormalizationOptions o) {
        String s = Cps.replaceUnpairedSurrogates(text);
        boolean compat = form == NormalizationForm.NFKC || form == NormalizationForm.NFKD || form == NormalizationForm.NFKC_CASEFOLD;
        boolean fold = o.caseFold() || form == NormalizationForm.NFKC_CASEFOLD;
        boolean removeIgnorables = form == NormalizationForm.NFKC_CASEFOLD;
        StringBuilder mapped = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (removeIgnorables && isDefaultIgnorable(cp)) {
                return;
            }
            if (o.stripControls() && isRemovedControl(cp)) {
                return;
            }
            if (fold) {
                mapped.append(foldClosure(cp, compat, removeIgnorables));
            } else {
                mapped.appendCodePoint(cp);
            }
        });
        // NFKC_Casefold's mapping is done; what is left is NFKC's reordering and composition.
        NormalizationForm base = form == NormalizationForm.NFKC_CASEFOLD ? NormalizationForm.NFKC : form;
        String normalized = Icu.normalizer(base).normalize(mapped);
        return o.collapseWhitespace() ? collapseWhitespace(normalized) : normalized;
    }

    /**
     * The fold closure of one code point: decompose, fold, decompose, ... to a fixpoint. With
     * {@code removeIgnorables}, default-ignorables are dropped at every step (UAX #44's
     * definition of NFKC_Casefold), which {@link #selfCheck} compares with ICU's own NFKC_Casefold.
     */
    public static String foldClosure(int cp, boolean compat, boolean removeIgnorables) {
        Normalizer2 d = compat ? Normalizer2.getNFKDInstance() : Normalizer2.getNFDInstance();
        // Most code points map to themselves: no decomposition, and (having none) unchanged by
        // full case folding exactly when not Changes_When_Casefolded. Only the rest is cached.
        if (d.getDecomposition(cp) == null && !UCharacter.hasBinaryProperty(cp, UProperty.CHANGES_WHEN_CASEFOLDED)
                && !(removeIgnorables && isDefaultIgnorable(cp))) {
            return Cps.of(cp);
        }
        long key = (long) cp << 2 | (compat ? 1 : 0) | (removeIgnorables ? 2 : 0);
        return CLOSURES.computeIfAbsent(key, k -> {
            Normalizer2 decompose = compat ? Normalizer2.getNFKDInstance() : Normalizer2.getNFDInstance();
            String cur = strip(decompose.normalize(Cps.of(cp)), removeIgnorables);
            for (int round = 0; round < 10; round++) {
                String next = strip(decompose.normalize(UCharacter.foldCase(cur, true)), removeIgnorables);
                if (next.equals(cur)) {
                    return cur;
                }
                cur = next;
            }
            throw new IllegalStateException("no fixpoint for the fold closure of " + Cps.escape(Cps.of(cp)));
        });
    }

    private static String strip(String s, boolean removeIgnorables) {
        if (!removeIgnorables) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> !isDefaultIgnorable(c)).forEach(b::appendCodePoint);
        return b.toString();
    }

    public static boolean isDefaultIgnorable(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    /** General_Category Cc except TAB, LF and CR. */
    public static boolean isRemovedControl(int cp) {
        return UCharacter.getType(cp) == UCharacterCategory.CONTROL && cp != 0x09 && cp != 0x0A && cp != 0x0D;
    }

    /** Each run of White_Space (PropList.txt) becomes one U+0020; leading and trailing runs go. */
    public static String collapseWhitespace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean pending = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE)) {
                pending = b.length() > 0;
                continue;
            }
            if (pending) {
                b.append(' ');
                pending = false;
            }
            b.appendCodePoint(cp);
        }
        return b.toString();
    }
}
