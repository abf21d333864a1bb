package io.textwasm.testkit;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.Normalizer2;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Random text built to hit the hard cases rather than the common ones. Uniformly random code
 * points almost never form a composable pair, a Hangul LVT, an Indic conjunct or an emoji ZWJ
 * sequence, so each string is assembled from <em>pieces</em> drawn from pools of the code
 * points that matter (taken from ICU's Unicode 16 property data, so every class is covered, not
 * just the examples someone thought of).
 *
 * <p>Deterministic for a seed: a failure can be replayed with -Dtextwasm.seed (see {@link Seeds}).
 */
public final class RandomTextGenerator {
    private final Random r;

    public RandomTextGenerator(long seed) {
        this.r = new Random(seed);
    }

    public Random random() {
        return r;
    }

    // ------------------------------------------------------------------ pools (Unicode 16 via ICU4J 76.1)

    /** Code points a test generator draws from; computed once. */
    static final class Pools {
        static final int[] NONZERO_CCC = filter(cp -> UCharacter.getCombiningClass(cp) != 0);
        /** Canonical composites whose raw decomposition is a pair (Hangul excluded: it is generated apart). */
        static final int[] PAIR_COMPOSITES;
        static final int[][] PAIRS;
        static final int[] COMPAT = filter(cp -> {
            String k = Normalizer2.getNFKDInstance().getDecomposition(cp);
            return k != null && !k.equals(Normalizer2.getNFDInstance().getDecomposition(cp));
        });
        static final int[] CASE_CHANGED = filter(cp -> !UCharacter.foldCase(new String(Character.toChars(cp)), true)
                .equals(new String(Character.toChars(cp))));
        static final int[] DEFAULT_IGNORABLE = filter(cp -> UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT));
        static final int[] WHITE_SPACE = filter(cp -> UCharacter.hasBinaryProperty(cp, UProperty.WHITE_SPACE));
        static final int[] CONTROLS = filter(cp -> UCharacter.getType(cp) == UCharacterCategory.CONTROL);
        static final int[] EXT_PICT = filter(cp -> UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC));
        static final int[] INCB_CONSONANT = incb(UCharacter.IndicConjunctBreak.CONSONANT);
        static final int[] INCB_LINKER = incb(UCharacter.IndicConjunctBreak.LINKER);
        static final int[] INCB_EXTEND = incb(UCharacter.IndicConjunctBreak.EXTEND);
        static final int[][] GCB = new int[UCharacter.GraphemeClusterBreak.COUNT][];

        static {
            Normalizer2 nfc = Normalizer2.getNFCInstance();
            int[][] pairs = IntStream.range(0, 0x110000)
                    .filter(cp -> !(cp >= 0xAC00 && cp <= 0xD7A3))
                    .mapToObj(cp -> {
                        String d = nfc.getRawDecomposition(cp);
                        return d != null && d.codePointCount(0, d.length()) == 2
                                ? new int[] {cp, d.codePointAt(0), d.codePointAt(Character.charCount(d.codePointAt(0)))}
                                : null;
                    })
                    .filter(p -> p != null)
                    .toArray(int[][]::new);
            PAIRS = pairs;
            PAIR_COMPOSITES = Arrays.stream(pairs).mapToInt(p -> p[0]).toArray();
            for (int v = 0; v < GCB.length; v++) {
                final int value = v;
                GCB[v] = filter(cp -> UCharacter.getIntPropertyValue(cp, UProperty.GRAPHEME_CLUSTER_BREAK) == value);
            }
        }

        private static int[] incb(UCharacter.IndicConjunctBreak v) {
            return filter(cp -> UCharacter.getIntPropertyValue(cp, UProperty.INDIC_CONJUNCT_BREAK) == v.ordinal());
        }

        private static int[] filter(java.util.function.IntPredicate p) {
            return IntStream.range(0, 0x110000).filter(cp -> (cp < 0xD800 || cp > 0xDFFF) && p.test(cp)).toArray();
        }
    }

    /** Latin and Greek bases and the marks that compose with them. */
    private static final String BASES = "AEIOUYaeiouyCcNnSsZzGgKkRrWwΑΕΗΙΟΥΩαεηιουωρ";
    private static final int[] COMMON_MARKS = {0x0300, 0x0301, 0x0302, 0x0303, 0x0304, 0x0306, 0x0307, 0x0308, 0x0309,
        0x030A, 0x030B, 0x030C, 0x0313, 0x0314, 0x031B, 0x0323, 0x0327, 0x0328, 0x0331, 0x0342, 0x0345, 0x0338, 0x05B0,
        0x0591, 0x0F71, 0x0F72, 0x0F74, 0x0F80, 0x302A, 0x1DCE, 0x20D0, 0x1D165, 0x1D16E};
    /** Unicode 16's new compositions (Tulu-Tigalari, Kirat Rai, Gurung Khema) and their parts. */
    private static final int[] UNICODE16_COMPOSING = {0x113C2, 0x113C5, 0x113B8, 0x113C9, 0x11382, 0x11383, 0x11384,
        0x11385, 0x1138B, 0x1138E, 0x11390, 0x11391, 0x113BB, 0x113C7, 0x113C8, 0x113CE, 0x113D0, 0x16D63, 0x16D67,
        0x16D68, 0x16D69, 0x16D6A, 0x1611E, 0x1611F, 0x16121, 0x16122, 0x16123, 0x16125, 0x16126, 0x16129};
    /** Code points with famous corner cases: non-starter decompositions, singletons, long or multi-level
     *  expansions, folding specials, fillers that are default-ignorable, compat mappings to a space. */
    private static final int[] TRICKY = {0x0340, 0x0341, 0x0343, 0x0344, 0x0374, 0x037E, 0x0387, 0x0390, 0x03B0,
        0x0F73, 0x0F75, 0x0F77, 0x0F79, 0x0F81, 0x1FEE, 0x1FED, 0x1FC1, 0xFDFA, 0xFB2C, 0x1E9B, 0x00A8, 0x00AF, 0x00B4,
        0x203E, 0xFE49, 0x3164, 0xFFA0, 0x115F, 0x1160, 0x0130, 0x0131, 0x00DF, 0x1E9E, 0x0345, 0x03C2, 0x03A3, 0x1F80,
        0x1F88, 0x1FB3, 0x1FBC, 0x2126, 0x212A, 0x212B, 0x00C5, 0x0CCB, 0x0DDA, 0x0DDD, 0x0B4C, 0x0BCA, 0x0BCC, 0x1B3B,
        0x1B40, 0x0FB9, 0x0F9D, 0x2ADC, 0x1D15E, 0x1D160, 0x1D1BB, 0xFB1D, 0xFB1F, 0x0958, 0x09DC, 0x0A33, 0x2000,
        0x2001, 0x3000, 0x00A0, 0x1E900, 0x1E921, 0x10400, 0x13A0, 0xAB70, 0xFB00, 0xFB03, 0xFB05, 0xFB06, 0x0149,
        0x01F0, 0x1E96, 0x2160, 0x24B6, 0x1F12F, 0x3300, 0x33FF, 0x32FF, 0x2E9F, 0x2FD5, 0x00BD, 0x2474, 0xE0041,
        0x1F1E6, 0xFF9E, 0xFF9F, 0x3099, 0x309A, 0x309B, 0x309C, 0x30AC, 0x30F4, 0x30F7, 0x1D400, 0x1EE00};

    // ------------------------------------------------------------------ helpers

    private int pick(int[] pool) {
        return pool[r.nextInt(pool.length)];
    }

    private boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    private int unassigned() {
        while (true) {
            int cp = r.nextInt(0x110000);
            if ((cp < 0xD800 || cp > 0xDFFF) && UCharacter.getType(cp) == UCharacterCategory.UNASSIGNED) {
                return cp;
            }
        }
    }

    private int anyScalar() {
        while (true) {
            // Bias toward the BMP and the supplementary planes that are populated.
            int cp = chance(70) ? r.nextInt(0x10000) : r.nextInt(chance(80) ? 0x40000 : 0x110000);
            if (cp < 0xD800 || cp > 0xDFFF) {
                return cp;
            }
        }
    }

    private void marks(StringBuilder b, int max) {
        int n = 1 + r.nextInt(max);
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(chance(50) ? pick(COMMON_MARKS) : pick(Pools.NONZERO_CCC));
        }
    }

    private void unpairedSurrogate(StringBuilder b) {
        switch (r.nextInt(3)) {
            case 0: b.append((char) (0xD800 + r.nextInt(0x400))); break;
            case 1: b.append((char) (0xDC00 + r.nextInt(0x400))); break;
            default: b.append((char) (0xDC00 + r.nextInt(0x400))).append((char) (0xD800 + r.nextInt(0x400))); // reversed pair
        }
    }

    /** Hangul: conjoining jamo (including the archaic ones that compose with nothing) and syllables. */
    private void hangul(StringBuilder b) {
        switch (r.nextInt(7)) {
            case 0: b.appendCodePoint(0x1100 + r.nextInt(19)).appendCodePoint(0x1161 + r.nextInt(21)); break; // L V
            case 1: b.appendCodePoint(0x1100 + r.nextInt(19)).appendCodePoint(0x1161 + r.nextInt(21)).appendCodePoint(0x11A8 + r.nextInt(27)); break; // L V T
            case 2: b.appendCodePoint(0xAC00 + 28 * r.nextInt(399)).appendCodePoint(0x11A8 + r.nextInt(27)); break; // LV + T composes
            case 3: b.appendCodePoint(0xAC00 + r.nextInt(11172)); break; // any syllable
            case 4: b.appendCodePoint(0xAC00 + r.nextInt(11172)).appendCodePoint(0x11A7 + r.nextInt(29)); break; // LVT + T, or T-base edge
            case 5: b.appendCodePoint(0x1100 + r.nextInt(0x100)); break; // any jamo, archaic included
            default: b.appendCodePoint(0x3131 + r.nextInt(94)); // compatibility jamo: NFKC maps them to conjoining jamo
        }
    }

    private void composing(StringBuilder b) {
        int[] p = Pools.PAIRS[r.nextInt(Pools.PAIRS.length)];
        switch (r.nextInt(4)) {
            case 0: b.appendCodePoint(p[0]); break;
            case 1: b.appendCodePoint(p[1]).appendCodePoint(p[2]); break;
            case 2: b.appendCodePoint(p[1]); marks(b, 2); b.appendCodePoint(p[2]); break; // blocked or reordered
            default: b.appendCodePoint(p[0]); marks(b, 3);
        }
    }

    private void latinGreek(StringBuilder b) {
        b.append(BASES.charAt(r.nextInt(BASES.length())));
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.appendCodePoint(COMMON_MARKS[r.nextInt(12 + r.nextInt(9))]);
        }
    }

    private void widths(StringBuilder b) {
        switch (r.nextInt(5)) {
            case 0: b.appendCodePoint(0xFF01 + r.nextInt(0x5E)); break; // full-width ASCII
            case 1: b.appendCodePoint(0xFF61 + r.nextInt(0x7C)); break; // half-width katakana and Hangul
            case 2: b.appendCodePoint(0xFF66 + r.nextInt(0x38)).appendCodePoint(chance(70) ? 0xFF9E : 0xFF9F); break; // ｶﾞ: voiced mark
            case 3: b.appendCodePoint(0x30A1 + r.nextInt(0x5A)).appendCodePoint(chance(50) ? 0x3099 : 0x309A); break; // katakana + combining voiced mark
            default: b.appendCodePoint(0xFFE0 + r.nextInt(0xF)); // full-width and half-width symbols
        }
    }

    private int cjkCompat() {
        return chance(60) ? 0xF900 + r.nextInt(0x1DA) : 0x2F800 + r.nextInt(0x21E);
    }

    // ------------------------------------------------------------------ generators

    /**
     * A string that stresses normalization: marks in random order, composable pairs with marks
     * between them, Hangul, CJK compatibility ideographs, widths, unassigned and default-ignorable
     * code points, Unicode 16 compositions, and unpaired surrogates. Never contains U+000A (the
     * tests use it as a separator).
     */
    public String normalizationString() {
        StringBuilder b = new StringBuilder();
        int pieces = 1 + r.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            normalizationPiece(b);
        }
        // Keep the separator out (a random scalar can be U+000A).
        return b.toString().replace('\n', '\u000B');
    }

    private void normalizationPiece(StringBuilder b) {
        switch (r.nextInt(17)) {
            case 0: marks(b, 6); break;
            case 1: case 2: composing(b); break;
            case 3: latinGreek(b); break;
            case 4: hangul(b); break;
            case 5: b.appendCodePoint(cjkCompat()); break;
            case 6: widths(b); break;
            case 7: b.appendCodePoint(unassigned()); break;
            case 8: b.appendCodePoint(pick(Pools.DEFAULT_IGNORABLE)); break;
            case 9: b.appendCodePoint(pick(UNICODE16_COMPOSING)); break;
            case 10: if (chance(40)) { unpairedSurrogate(b); } else { b.appendCodePoint(pick(TRICKY)); } break;
            case 11: b.appendCodePoint(pick(Pools.COMPAT)); break;
            case 12: b.appendCodePoint(pick(Pools.CASE_CHANGED)); break;
            case 13: b.appendCodePoint(anyScalar()); break;
            case 14: b.appendCodePoint(pick(TRICKY)); if (chance(50)) { marks(b, 2); } break;
            case 15: b.append((char) (0x20 + r.nextInt(0x5F))); break;
            default: b.appendCodePoint(pick(Pools.PAIR_COMPOSITES)); break;
        }
    }

    /**
     * For the normalization options: everything above plus White_Space runs and controls
     * (C0, DEL, C1, TAB, CR and LF), placed at the ends too so trimming is exercised.
     */
    public String optionsString() {
        StringBuilder b = new StringBuilder();
        int pieces = 1 + r.nextInt(8);
        for (int i = 0; i < pieces; i++) {
            switch (r.nextInt(6)) {
                case 0: {
                    int n = 1 + r.nextInt(3);
                    for (int k = 0; k < n; k++) {
                        b.appendCodePoint(pick(Pools.WHITE_SPACE));
                    }
                    break;
                }
                case 1: b.appendCodePoint(pick(Pools.CONTROLS)); break;
                case 2: b.appendCodePoint(pick(Pools.CASE_CHANGED)); break;
                default: normalizationPiece(b);
            }
        }
        return b.toString();
    }

    /**
     * A string that stresses grapheme and word segmentation: emoji ZWJ sequences with skin tones
     * and VS16, flags (odd runs of regional indicators too), tag sequences, Hangul, Indic
     * conjuncts (consonant, linker, optional ZWJ or nukta, consonant) across scripts, combining
     * marks, prepend and spacing marks, CR LF and controls, and unpaired surrogates.
     */
    public String segmentationString() {
        StringBuilder b = new StringBuilder();
        int pieces = 1 + r.nextInt(10);
        for (int i = 0; i < pieces; i++) {
            segmentationPiece(b);
        }
        return b.toString();
    }

    private void segmentationPiece(StringBuilder b) {
        int[][] gcb = Pools.GCB;
        switch (r.nextInt(20)) {
            case 0: case 1: { // emoji ZWJ sequence
                int n = 1 + r.nextInt(4);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        b.append('\u200D');
                    }
                    b.appendCodePoint(chance(85) ? pick(Pools.EXT_PICT) : anyScalar());
                    if (chance(30)) {
                        b.appendCodePoint(0x1F3FB + r.nextInt(5)); // skin tone
                    }
                    if (chance(30)) {
                        b.append('\uFE0F');
                    }
                }
                if (chance(10)) {
                    b.append('\u200D'); // a trailing ZWJ
                }
                break;
            }
            case 2: { // flags: regional indicators, sometimes an odd number
                int n = 1 + r.nextInt(5);
                for (int k = 0; k < n; k++) {
                    b.appendCodePoint(0x1F1E6 + r.nextInt(26));
                }
                break;
            }
            case 3: b.appendCodePoint(0x1F3FB + r.nextInt(5)); break; // a skin tone alone or after anything
            case 4: hangul(b); if (chance(30)) { hangul(b); } break;
            case 5: case 6: { // Indic conjunct: consonant ([extend] linker [extend] consonant)+
                b.appendCodePoint(pick(Pools.INCB_CONSONANT));
                int n = 1 + r.nextInt(3);
                for (int k = 0; k < n; k++) {
                    if (chance(30)) {
                        b.appendCodePoint(chance(50) ? 0x200D : pick(Pools.INCB_EXTEND));
                    }
                    b.appendCodePoint(chance(85) ? pick(Pools.INCB_LINKER) : pick(Pools.INCB_EXTEND));
                    if (chance(30)) {
                        b.appendCodePoint(chance(50) ? 0x200D : pick(Pools.INCB_EXTEND));
                    }
                    b.appendCodePoint(chance(85) ? pick(Pools.INCB_CONSONANT) : anyScalar());
                }
                break;
            }
            case 7: marks(b, 4); break;
            case 8: {
                String[] nl = {"\r\n", "\r", "\n", "\r\r\n", "\n\r"};
                b.append(nl[r.nextInt(nl.length)]);
                break;
            }
            case 9: b.appendCodePoint(pick(gcb[UCharacter.GraphemeClusterBreak.CONTROL])); break;
            case 10: b.appendCodePoint(pick(gcb[UCharacter.GraphemeClusterBreak.PREPEND])); break;
            case 11: b.appendCodePoint(pick(gcb[UCharacter.GraphemeClusterBreak.SPACING_MARK])); break;
            case 12: b.appendCodePoint(pick(gcb[UCharacter.GraphemeClusterBreak.EXTEND])); break;
            case 13: b.append(chance(50) ? '\u200D' : '\u200C'); break;
            case 14: { // emoji tag sequence (subdivision flag) or keycap
                if (chance(50)) {
                    b.appendCodePoint(0x1F3F4);
                    int n = r.nextInt(6);
                    for (int k = 0; k < n; k++) {
                        b.appendCodePoint(0xE0061 + r.nextInt(26));
                    }
                    if (chance(80)) {
                        b.appendCodePoint(0xE007F);
                    }
                } else {
                    b.append((char) ('0' + r.nextInt(10))).append('\uFE0F').append('\u20E3');
                }
                break;
            }
            case 15: { // ASCII words and spaces
                int n = 1 + r.nextInt(6);
                for (int k = 0; k < n; k++) {
                    b.append(chance(15) ? ' ' : (char) ('a' + r.nextInt(26)));
                }
                break;
            }
            case 16: b.appendCodePoint(anyScalar()); break;
            case 17: if (chance(30)) { unpairedSurrogate(b); } else { b.appendCodePoint(pick(Pools.EXT_PICT)); } break;
            case 18: latinGreek(b); break;
            default: {
                int cls = r.nextInt(gcb.length);
                if (gcb[cls].length > 0) {
                    b.appendCodePoint(pick(gcb[cls]));
                }
            }
        }
    }

    // ------------------------------------------------------------------ space-delimited prose

    private static final String[] LATIN_WORDS = {"the", "quick", "Brown", "fox", "don't", "l'homme", "aujourd’hui",
        "Café", "naïve", "façade", "œuvre", "Straße", "Größe", "übermäßig", "Ärger", "señor", "año", "résumé", "x",
        "e-mail", "U.S.A.", "co-op", "it's", "Jean-Luc", "Åsa", "cœur", "Zürich", "snake_case", "a1b2", "ÀÉÎÕÜ"};
    private static final String[] CYRILLIC_WORDS = {"Привет", "мир", "съешь", "ещё", "этих", "мягких", "французских",
        "булок", "Ёлка", "д'Артаньян", "пол-литра", "ТАСС", "й"};
    private static final String[] GREEK_WORDS = {"Καλημέρα", "κόσμε", "ΣΊΣΥΦΟΣ", "ψυχή", "ΐ", "Ἀθῆναι", "ἡ", "οὐρανός",
        "σοφία", "ΑΒΓ"};
    private static final String[] NUMBERS = {"42", "3.14", "1,000", "2024", "0.5", "12:30", "1.2.3", "+7", "−3", "50%",
        "№5", "4th", "99€", "١٢٣"};
    private static final String[] PUNCTUATION = {",", ".", ";", ":", "!", "?", "…", "«", "»", "„", "“", "”", "\"",
        "(", ")", "—", "–", "-", "/", "'", "&", "*", "§", "·", "@", "#", "…!", "?!", "--", "'", ".."};
    private static final String[] SPACES = {" ", " ", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2009", "\u3000", " \n "};

    /**
     * Prose in space-delimited scripts (English, French, German, Spanish, Russian, Greek): words
     * with apostrophes, hyphens and accents (precomposed and decomposed), numbers with separators,
     * punctuation and assorted spaces. No CJK, Thai or other scripts ICU segments with a dictionary.
     */
    public String prose() {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(25);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(10);
            String w;
            if (k < 4) {
                w = LATIN_WORDS[r.nextInt(LATIN_WORDS.length)];
            } else if (k < 6) {
                w = CYRILLIC_WORDS[r.nextInt(CYRILLIC_WORDS.length)];
            } else if (k < 7) {
                w = GREEK_WORDS[r.nextInt(GREEK_WORDS.length)];
            } else if (k < 8) {
                w = NUMBERS[r.nextInt(NUMBERS.length)];
            } else {
                w = PUNCTUATION[r.nextInt(PUNCTUATION.length)];
            }
            if (chance(20)) {
                w = Normalizer2.getNFDInstance().normalize(w);
            }
            if (chance(10)) {
                w = UCharacter.toUpperCase(w);
            }
            b.append(w);
            if (w.endsWith(":")) {
                // UAX #29 keeps "a:b" one word (colon is MidLetter); ICU's root rules split it. Not compared.
                b.append(' ');
            } else if (chance(80)) {
                b.append(SPACES[r.nextInt(SPACES.length)]);
            }
        }
        return b.toString();
    }

    /** Any mix of the segmentation pieces and prose, for truncation and tokenization properties. */
    public String mixedText(int maxPieces) {
        StringBuilder b = new StringBuilder();
        int n = r.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(4);
            if (k == 0) {
                b.append(prose());
            } else if (k == 1) {
                normalizationPiece(b);
            } else {
                segmentationPiece(b);
            }
        }
        return b.toString();
    }
}
