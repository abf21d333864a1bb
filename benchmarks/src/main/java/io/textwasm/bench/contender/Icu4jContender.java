package io.textwasm.bench.contender;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.RuleBasedBreakIterator;
import com.ibm.icu.util.ULocale;
import io.textwasm.NormalizationForm;
import io.textwasm.Token;
import io.textwasm.TokenKind;
import io.textwasm.internal.SimpleClusters;
import java.util.ArrayList;
import java.util.List;

/**
 * ICU4J 76.1 (Unicode 16.0): {@link Normalizer2} and the root locale's word and character
 * {@link BreakIterator}s. Break iterators are not thread-safe, so each contender holds its own
 * (one per JMH thread in the scaling benchmark).
 */
public final class Icu4jContender implements Contender {
    private final Normalizer2 nfc = Normalizer2.getNFCInstance();
    private final Normalizer2 nfkc = Normalizer2.getNFKCInstance();
    private final Normalizer2 nfkcCf = Normalizer2.getNFKCCasefoldInstance();
    private final Normalizer2 nfd = Normalizer2.getNFDInstance();
    private final Normalizer2 nfkd = Normalizer2.getNFKDInstance();
    private final BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
    private final BreakIterator characters = BreakIterator.getCharacterInstance(ULocale.ROOT);

    @Override
    public String name() {
        return "icu4j";
    }

    private Normalizer2 normalizer(NormalizationForm form) {
        switch (form) {
            case NFC: return nfc;
            case NFD: return nfd;
            case NFKC: return nfkc;
            case NFKD: return nfkd;
            default: return nfkcCf;
        }
    }

    @Override
    public String normalize(String s, NormalizationForm form) {
        return normalizer(form).normalize(s);
    }

    @Override
    public boolean isNormalized(String s, NormalizationForm form) {
        return normalizer(form).isNormalized(s);
    }

    /**
     * Segments whose rule status is not NONE (≥ 100): numbers, letters, kana and ideographs. ICU
     * segments CJK with a dictionary, so Japanese counts differ from UAX #29's (see issue 4).
     */
    @Override
    public int countWords(String s) {
        BreakIterator bi = words;
        bi.setText(s);
        int n = 0;
        for (int end = bi.next(); end != BreakIterator.DONE; end = bi.next()) {
            if (bi.getRuleStatus() >= RuleBasedBreakIterator.WORD_NONE_LIMIT) {
                n++;
            }
        }
        return n;
    }

    @Override
    public int countGraphemes(String s) {
        BreakIterator bi = characters;
        bi.setText(s);
        int n = 0;
        while (bi.next() != BreakIterator.DONE) {
            n++;
        }
        return n;
    }

    /** Word segments as {@link Token}s, the kind from ICU's rule status (NONE split by the first character). */
    @Override
    public List<Token> tokenize(String s) {
        BreakIterator bi = words;
        bi.setText(s);
        List<Token> out = new ArrayList<>();
        int start = bi.first();
        for (int end = bi.next(); end != BreakIterator.DONE; start = end, end = bi.next()) {
            out.add(Token.slice(s, kind(bi.getRuleStatus(), s.codePointAt(start)), start, end));
        }
        return out;
    }

    private static TokenKind kind(int status, int first) {
        if (status >= RuleBasedBreakIterator.WORD_IDEO) {
            return TokenKind.IDEOGRAPHIC;
        } else if (status >= RuleBasedBreakIterator.WORD_KANA) {
            return TokenKind.KANA;
        } else if (status >= RuleBasedBreakIterator.WORD_LETTER) {
            return TokenKind.WORD;
        } else if (status >= RuleBasedBreakIterator.WORD_NUMBER) {
            return TokenKind.NUMBER;
        } else if (UCharacter.isWhitespace(first)) {
            return TokenKind.WHITESPACE;
        } else if (UCharacter.hasBinaryProperty(first, com.ibm.icu.lang.UProperty.EXTENDED_PICTOGRAPHIC)
                || UCharacter.hasBinaryProperty(first, com.ibm.icu.lang.UProperty.REGIONAL_INDICATOR)) {
            return TokenKind.EMOJI;
        }
        int type = UCharacter.getType(first);
        return type >= UCharacter.DASH_PUNCTUATION && type <= UCharacter.OTHER_PUNCTUATION
                || type == UCharacter.INITIAL_PUNCTUATION || type == UCharacter.FINAL_PUNCTUATION
                ? TokenKind.PUNCTUATION : TokenKind.OTHER;
    }

    /** The longest prefix of whole grapheme clusters within the UTF-8 budget; O(budget). */
    @Override
    public String truncateUtf8(String s, int maxBytes) {
        // The library's own idiom: the byte budget's end, then the last cluster boundary at or
        // before it (isBoundary, preceding), so only the text around the cut is segmented. (This
        // contender walked every cluster up to the budget before 2026-11-27, which an outside
        // review rightly called a straw man: 280 next() calls where two suffice.)
        int end = SimpleClusters.budgetEnd(s, SimpleClusters.UTF8_BYTES, maxBytes);
        if (end == s.length()) {
            return s;
        }
        if (end == 0) {
            return "";
        }
        BreakIterator bi = characters;
        bi.setText(s);
        return s.substring(0, bi.isBoundary(end) ? end : bi.preceding(end));
    }
}
