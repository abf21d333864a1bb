package io.textwasm.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The differential tests are only as good as their generator: this checks that it produces
 * each kind of hard case often enough (at least the share given, of 20,000 strings), so that a
 * change to the generator cannot quietly turn the 100,000-string tests into easy ones.
 */
class RandomTextGeneratorTest {
    static final int N = 20_000;

    private static void assertShares(String what, java.util.function.Supplier<String> gen, Map<String, Object[]> checks) {
        int[] hits = new int[checks.size()];
        for (int i = 0; i < N; i++) {
            String s = gen.get();
            int k = 0;
            for (Object[] c : checks.values()) {
                @SuppressWarnings("unchecked")
                Predicate<String> p = (Predicate<String>) c[1];
                if (p.test(s)) {
                    hits[k]++;
                }
                k++;
            }
        }
        StringBuilder report = new StringBuilder(what + ":");
        boolean ok = true;
        int k = 0;
        for (Map.Entry<String, Object[]> c : checks.entrySet()) {
            double share = hits[k] / (double) N;
            double min = (Double) c.getValue()[0];
            report.append(String.format("%n  %-48s %5.1f%% (at least %.1f%%)", c.getKey(), 100 * share, 100 * min));
            ok &= share >= min;
            k++;
        }
        System.out.println(report);
        assertTrue(ok, report.toString());
    }

    private static boolean anyCodePoint(String s, java.util.function.IntPredicate p) {
        return s.codePoints().anyMatch(p);
    }

    @Test
    void normalizationStringsCoverTheHardCases() {
        RandomTextGenerator g = new RandomTextGenerator(1);
        Normalizer2 nfd = Normalizer2.getNFDInstance();
        Normalizer2 nfc = Normalizer2.getNFCInstance();
        Map<String, Object[]> c = new LinkedHashMap<>();
        c.put("marks out of canonical order", new Object[] {0.10, (Predicate<String>) s -> {
            int[] cps = s.codePoints().toArray();
            for (int i = 0; i + 1 < cps.length; i++) {
                int a = UCharacter.getCombiningClass(cps[i]);
                int b = UCharacter.getCombiningClass(cps[i + 1]);
                if (a > b && b > 0) {
                    return true;
                }
            }
            return false;
        }});
        c.put("canonical composition happens (NFC shorter than NFD)", new Object[] {0.30,
            (Predicate<String>) s -> nfc.normalize(s).length() < nfd.normalize(s).length()});
        c.put("Hangul L+V jamo", new Object[] {0.03, (Predicate<String>) s -> s.matches("(?s).*[\u1100-\u1112][\u1161-\u1175].*")});
        c.put("Hangul syllable", new Object[] {0.03, (Predicate<String>) s -> s.matches("(?s).*[\uAC00-\uD7A3].*")});
        c.put("CJK compatibility ideograph", new Object[] {0.03, (Predicate<String>) s -> anyCodePoint(s,
            cp -> (cp >= 0xF900 && cp <= 0xFAD9) || (cp >= 0x2F800 && cp <= 0x2FA1D))});
        c.put("full- or half-width form", new Object[] {0.03, (Predicate<String>) s -> anyCodePoint(s, cp -> cp >= 0xFF01 && cp <= 0xFFEE)});
        c.put("half-width katakana + voiced mark", new Object[] {0.005, (Predicate<String>) s -> s.matches("(?s).*[\uFF66-\uFF9D][\uFF9E\uFF9F].*")});
        c.put("unassigned code point", new Object[] {0.03, (Predicate<String>) s -> anyCodePoint(s,
            cp -> !Character.isSurrogate((char) Math.min(cp, 0xFFFF)) && UCharacter.getType(cp) == UCharacterCategory.UNASSIGNED)});
        c.put("default-ignorable", new Object[] {0.03, (Predicate<String>) s -> anyCodePoint(s,
            cp -> UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT))});
        c.put("Unicode 16 composition (Tulu-Tigalari, Kirat Rai, Gurung Khema)", new Object[] {0.02, (Predicate<String>) s -> anyCodePoint(s,
            cp -> (cp >= 0x11380 && cp <= 0x113FF) || (cp >= 0x16D40 && cp <= 0x16D7F) || (cp >= 0x16100 && cp <= 0x1613F))});
        c.put("unpaired surrogate", new Object[] {0.02, (Predicate<String>) s -> !Cps.replaceUnpairedSurrogates(s).equals(s)});
        c.put("changes under NFKC_Casefold", new Object[] {0.5, (Predicate<String>) s ->
            !Normalizer2.getNFKCCasefoldInstance().normalize(s).equals(s)});
        assertShares("normalizationString", g::normalizationString, c);
    }

    @Test
    void segmentationStringsCoverTheHardCases() {
        RandomTextGenerator g = new RandomTextGenerator(2);
        Map<String, Object[]> c = new LinkedHashMap<>();
        c.put("emoji ZWJ sequence", new Object[] {0.05, (Predicate<String>) s -> {
            int[] cps = s.codePoints().toArray();
            for (int i = 1; i + 1 < cps.length; i++) {
                if (cps[i] == 0x200D && UCharacter.hasBinaryProperty(cps[i + 1], UProperty.EXTENDED_PICTOGRAPHIC)) {
                    return true;
                }
            }
            return false;
        }});
        c.put("regional indicator pair", new Object[] {0.03, (Predicate<String>) s -> s.matches("(?s).*[\\x{1F1E6}-\\x{1F1FF}]{2}.*")});
        c.put("skin tone modifier", new Object[] {0.03, (Predicate<String>) s -> anyCodePoint(s, cp -> cp >= 0x1F3FB && cp <= 0x1F3FF)});
        c.put("Indic conjunct (GB9c applies)", new Object[] {0.05, (Predicate<String>) s -> {
            String t = Cps.replaceUnpairedSurrogates(s);
            for (int i = 1; i < t.length(); i++) {
                if (Cps.isCodePointBoundary(t, i) && Boundaries.gb9cJoins(t, i)) {
                    return true;
                }
            }
            return false;
        }});
        c.put("CR LF", new Object[] {0.02, (Predicate<String>) s -> s.contains("\r\n")});
        c.put("Hangul", new Object[] {0.03, (Predicate<String>) s -> s.matches("(?s).*[\u1100-\u11FF\uAC00-\uD7A3].*")});
        c.put("combining mark", new Object[] {0.10, (Predicate<String>) s -> anyCodePoint(s, cp -> UCharacter.getCombiningClass(cp) > 0)});
        c.put("prepend", new Object[] {0.03, (Predicate<String>) s -> anyCodePoint(s,
            cp -> UCharacter.getIntPropertyValue(cp, UProperty.GRAPHEME_CLUSTER_BREAK) == UCharacter.GraphemeClusterBreak.PREPEND)});
        c.put("unpaired surrogate", new Object[] {0.01, (Predicate<String>) s -> !Cps.replaceUnpairedSurrogates(s).equals(s)});
        assertShares("segmentationString", g::segmentationString, c);
    }
}
