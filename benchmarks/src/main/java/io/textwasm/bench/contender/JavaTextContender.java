package io.textwasm.bench.contender;

import io.textwasm.NormalizationForm;
import io.textwasm.Token;
import io.textwasm.TokenKind;
import io.textwasm.internal.SimpleClusters;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JDK's own java.text: {@link Normalizer} and {@link BreakIterator}. Its Unicode version is
 * the running JDK's (13.0 on JDK 17, 16.0 on JDK 25), and on JDK 17 its character instance does
 * not implement extended grapheme clusters (JDK 20 does, JDK-8291660): faster answers to an
 * older question, which the results note.
 */
public final class JavaTextContender implements Contender {
    private final BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
    private final BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public boolean supports(Op op) {
        return op != Op.NORMALIZE_NFKC_CF;
    }

    private static Normalizer.Form form(NormalizationForm form) {
        switch (form) {
            case NFC: return Normalizer.Form.NFC;
            case NFD: return Normalizer.Form.NFD;
            case NFKC: return Normalizer.Form.NFKC;
            case NFKD: return Normalizer.Form.NFKD;
            default: throw new Unsupported("java.text", "NFKC_Casefold");
        }
    }

    @Override
    public String normalize(String s, NormalizationForm f) {
        return Normalizer.normalize(s, form(f));
    }

    @Override
    public boolean isNormalized(String s, NormalizationForm f) {
        return Normalizer.isNormalized(s, form(f));
    }

    /** java.text has no rule status: a segment counts when its first code point is a letter or digit. */
    @Override
    public int countWords(String s) {
        BreakIterator bi = words;
        bi.setText(s);
        int n = 0;
        int start = bi.first();
        for (int end = bi.next(); end != BreakIterator.DONE; start = end, end = bi.next()) {
            if (Character.isLetterOrDigit(s.codePointAt(start))) {
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

    @Override
    public List<Token> tokenize(String s) {
        BreakIterator bi = words;
        bi.setText(s);
        List<Token> out = new ArrayList<>();
        int start = bi.first();
        for (int end = bi.next(); end != BreakIterator.DONE; start = end, end = bi.next()) {
            out.add(Token.slice(s, kind(s.codePointAt(start)), start, end));
        }
        return out;
    }

    private static TokenKind kind(int cp) {
        if (Character.isIdeographic(cp)) {
            return TokenKind.IDEOGRAPHIC;
        }
        Character.UnicodeBlock b = Character.UnicodeBlock.of(cp);
        if (b == Character.UnicodeBlock.HIRAGANA || b == Character.UnicodeBlock.KATAKANA) {
            return TokenKind.KANA;
        } else if (Character.isLetter(cp)) {
            return TokenKind.WORD;
        } else if (Character.isDigit(cp)) {
            return TokenKind.NUMBER;
        } else if (Character.isWhitespace(cp)) {
            return TokenKind.WHITESPACE;
        }
        int type = Character.getType(cp);
        return type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                ? TokenKind.PUNCTUATION : TokenKind.OTHER;
    }

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
