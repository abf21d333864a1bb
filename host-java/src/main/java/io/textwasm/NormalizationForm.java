package io.textwasm;

/** The Unicode normalization forms of UAX #15, plus NFKC_Casefold (UAX #44). */
public enum NormalizationForm {
    NFC(0),
    NFD(1),
    NFKC(2),
    NFKD(3),
    /** NFKC with full case folding and removal of default-ignorable code points; equals ICU's NFKC_Casefold. */
    NFKC_CASEFOLD(4);

    final int abiCode;

    NormalizationForm(int abiCode) {
        this.abiCode = abiCode;
    }

    /** Parses NFC, NFD, NFKC, NFKD, NFKC_CF or NFKC_CASEFOLD, ignoring case. */
    public static NormalizationForm parse(String name) {
        String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        if (n.equals("NFKC_CF")) {
            return NFKC_CASEFOLD;
        }
        for (NormalizationForm f : values()) {
            if (f.name().equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown normalization form '" + name + "' (expected NFC, NFD, NFKC, NFKD or NFKC_CF)");
    }
}
