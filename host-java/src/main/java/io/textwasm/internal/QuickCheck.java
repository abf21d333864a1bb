package io.textwasm.internal;

import io.textwasm.NormalizationForm;
import io.textwasm.NormalizationOptions;

/**
 * Text the host can prove unchanged without calling the core: every UTF-16 unit below the form's
 * first changing code point. The thresholds are facts of the Unicode data the core uses, and
 * Unicode's stability policy keeps them true: nothing below U+0300 decomposes, composes or
 * combines under NFC; nothing below U+00C0 decomposes (NFD); nothing below U+00A0 has a
 * compatibility mapping (NFKC, NFKD); below U+0080 only A-Z change under NFKC_Casefold. The core
 * applies the same rule (in its scan); doing it here also skips the copy into linear memory,
 * which is what makes already-normalized ASCII and Latin-1 text cost almost nothing.
 */
public final class QuickCheck {
    private QuickCheck() {}

    public static boolean unchanged(String s, NormalizationForm form, NormalizationOptions o) {
        if (o.caseFold() || o.collapseWhitespace() || o.stripControls()) {
            return false;
        }
        char limit;
        switch (form) {
            case NFC: limit = 0x300; break;
            case NFD: limit = 0xC0; break;
            case NFKC:
            case NFKD: limit = 0xA0; break;
            default: return asciiWithoutUppercase(s);
        }
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= limit) {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiWithoutUppercase(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
