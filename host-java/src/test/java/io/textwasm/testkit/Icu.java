package io.textwasm.testkit;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import io.textwasm.NormalizationForm;

/** ICU4J 76.1 (Unicode 16.0) as the oracle. */
public final class Icu {
    private Icu() {}

    static {
        if (!UCharacter.getUnicodeVersion().toString().startsWith("16.0")) {
            throw new IllegalStateException("the oracle must implement Unicode 16.0, but ICU4J on the test classpath implements "
                    + UCharacter.getUnicodeVersion() + " (pin icu4j 76.1)");
        }
    }

    public static Normalizer2 normalizer(NormalizationForm form) {
        switch (form) {
            case NFC: return Normalizer2.getNFCInstance();
            case NFD: return Normalizer2.getNFDInstance();
            case NFKC: return Normalizer2.getNFKCInstance();
            case NFKD: return Normalizer2.getNFKDInstance();
            case NFKC_CASEFOLD: return Normalizer2.getNFKCCasefoldInstance();
            default: throw new IllegalArgumentException(String.valueOf(form));
        }
    }

    /**
     * What the engine must return for a Java string: ICU's answer for the same string with
     * unpaired surrogates read as U+FFFD (ICU itself would pass them through unchanged).
     */
    public static String normalize(CharSequence s, NormalizationForm form) {
        return normalizer(form).normalize(Cps.replaceUnpairedSurrogates(s));
    }
}
