package io.textwasm.testkit;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** ICU4J's boundaries, UTF-16 to UTF-8 offset mapping, and readable boundary diffs. */
public final class Boundaries {
    private Boundaries() {}

    /** ICU4J 76.1's extended grapheme cluster boundaries (root locale), unpaired surrogates read as U+FFFD. */
    public static int[] icuGraphemes(CharSequence s) {
        return icu(BreakIterator.getCharacterInstance(ULocale.ROOT), Cps.replaceUnpairedSurrogates(s));
    }

    /**
     * ICU4J 76.1's grapheme boundaries with UAX #29 16.0's rule GB9c applied on top, which is
     * what the engine must match.
     *
     * <p>Why: ICU4J 76.1 does not implement GB9c as Unicode 16.0 states it. Its rule source
     * ({@code BreakIterator.getCharacterInstance().toString()}) still has the Unicode 15.1-era
     * {@code $LinkingConsonant $ExtCccZwj* $Virama $ExtCccZwj* $LinkingConsonant} with
     * {@code $ExtCccZwj = [[\p{gcb=Extend}-\p{ccc=0}]\p{gcb=ZWJ}]}, so an InCB=Extend character
     * with ccc 0 (U+E0100..U+E01EF variation selectors, U+11A5A, U+1DA40, ...) ends the
     * conjunct, although its own Indic_Conjunct_Break property, and the UCD's, says Extend:
     * ICU breaks U+0928 U+094D U+E0164 ÷ U+0915, the standard does not. Every other rule is ICU's.
     * The correction only ever removes a boundary, and only where GB9c says "no break".
     */
    public static int[] icuGraphemesPerUax29(CharSequence text) {
        String s = Cps.replaceUnpairedSurrogates(text);
        return Arrays.stream(icu(BreakIterator.getCharacterInstance(ULocale.ROOT), s))
                .filter(b -> b == 0 || b == s.length() || !gb9cJoins(s, b))
                .toArray();
    }

    /** Whether GB9c (InCB=Consonant [Extend Linker]* Linker [Extend Linker]* × InCB=Consonant) applies at {@code b}. */
    public static boolean gb9cJoins(String s, int b) {
        if (incb(s.codePointAt(b)) != UCharacter.IndicConjunctBreak.CONSONANT) {
            return false;
        }
        boolean linker = false;
        for (int i = b; i > 0; ) {
            int cp = s.codePointBefore(i);
            UCharacter.IndicConjunctBreak v = incb(cp);
            if (v == UCharacter.IndicConjunctBreak.LINKER) {
                linker = true;
            } else if (v != UCharacter.IndicConjunctBreak.EXTEND) {
                return linker && v == UCharacter.IndicConjunctBreak.CONSONANT;
            }
            i -= Character.charCount(cp);
        }
        return false;
    }

    private static UCharacter.IndicConjunctBreak incb(int cp) {
        return UCharacter.IndicConjunctBreak.values()[UCharacter.getIntPropertyValue(cp, UProperty.INDIC_CONJUNCT_BREAK)];
    }

    public static int[] icuWords(CharSequence s) {
        return icu(BreakIterator.getWordInstance(ULocale.ROOT), Cps.replaceUnpairedSurrogates(s));
    }

    private static int[] icu(BreakIterator bi, String s) {
        bi.setText(s);
        List<Integer> out = new ArrayList<>();
        for (int b = bi.first(); b != BreakIterator.DONE; b = bi.next()) {
            out.add(b);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * ICU's count of word segments whose rule status is not "none" (numbers, letters, kana,
     * ideographs: UBRK_WORD_NUMBER and up).
     */
    public static int icuWordCount(CharSequence s) {
        BreakIterator bi = BreakIterator.getWordInstance(ULocale.ROOT);
        bi.setText(Cps.replaceUnpairedSurrogates(s));
        int n = 0;
        for (int b = bi.next(); b != BreakIterator.DONE; b = bi.next()) {
            if (bi.getRuleStatus() >= BreakIterator.WORD_NONE_LIMIT) {
                n++;
            }
        }
        return n;
    }

    /** UTF-16 offsets into {@code s} mapped to offsets into its UTF-8 encoding (s must be well-formed). */
    public static int[] toUtf8Offsets(String s, int[] utf16) {
        int[] out = new int[utf16.length];
        for (int i = 0; i < utf16.length; i++) {
            out[i] = s.substring(0, utf16[i]).getBytes(StandardCharsets.UTF_8).length;
        }
        return out;
    }

    /** The text with its boundaries marked, as the UCD test files write it: "÷ 0020 × 0308 ÷". */
    public static String mark(String s, int[] boundaries) {
        java.util.Set<Integer> at = new java.util.HashSet<>();
        for (int b : boundaries) {
            at.add(b);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; ; ) {
            b.append(at.contains(i) ? "÷" : "×");
            if (i >= s.length()) {
                return b.toString();
            }
            int cp = s.codePointAt(i);
            b.append(' ').append(String.format("%04X", cp)).append(' ');
            i += Character.charCount(cp);
        }
    }

    public static String diff(String what, String given, int[] expected, int[] actual) {
        return what + "\n  given:    " + Cps.escape(given) + "\n  expected: " + mark(given, expected) + "   " + Arrays.toString(expected)
                + "\n  actual:   " + mark(given, actual) + "   " + Arrays.toString(actual);
    }
}
