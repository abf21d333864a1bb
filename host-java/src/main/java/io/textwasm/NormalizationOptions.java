package io.textwasm;

import java.util.Objects;

/**
 * Options that combine with any {@link NormalizationForm}. Immutable; each {@code with...} method
 * returns a new instance. They apply in this order: code points are mapped (control removal,
 * case folding with the form's decomposition), canonically ordered and composed, and then
 * whitespace is collapsed (see wasm-module/ABI.md for the exact definitions).
 */
public final class NormalizationOptions {
    public static final NormalizationOptions DEFAULT = new NormalizationOptions(false, false, false, false);

    private final boolean caseFold;
    private final boolean collapseWhitespace;
    private final boolean stripControls;
    private final boolean lossy;

    private NormalizationOptions(boolean caseFold, boolean collapseWhitespace, boolean stripControls, boolean lossy) {
        this.caseFold = caseFold;
        this.collapseWhitespace = collapseWhitespace;
        this.stripControls = stripControls;
        this.lossy = lossy;
    }

    /** Full case folding (CaseFolding.txt statuses C and F), applied with the form's decomposition. */
    public NormalizationOptions withCaseFolding() {
        return new NormalizationOptions(true, collapseWhitespace, stripControls, lossy);
    }

    /** Each run of White_Space becomes one U+0020; leading and trailing runs are removed. */
    public NormalizationOptions withCollapsedWhitespace() {
        return new NormalizationOptions(caseFold, true, stripControls, lossy);
    }

    /** Removes controls (General_Category Cc) other than TAB, LF and CR. */
    public NormalizationOptions withoutControls() {
        return new NormalizationOptions(caseFold, collapseWhitespace, true, lossy);
    }

    /** For byte input: replace ill-formed UTF-8 with U+FFFD instead of failing. */
    public NormalizationOptions withLossyUtf8() {
        return new NormalizationOptions(caseFold, collapseWhitespace, stripControls, true);
    }

    public boolean caseFold() {
        return caseFold;
    }

    public boolean collapseWhitespace() {
        return collapseWhitespace;
    }

    public boolean stripControls() {
        return stripControls;
    }

    public boolean lossy() {
        return lossy;
    }

    int abiFlags() {
        return (caseFold ? 1 << 3 : 0) | (collapseWhitespace ? 1 << 4 : 0) | (stripControls ? 1 << 5 : 0) | (lossy ? 1 << 6 : 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizationOptions && ((NormalizationOptions) o).abiFlags() == abiFlags();
    }

    @Override
    public int hashCode() {
        return Objects.hash(abiFlags());
    }

    @Override
    public String toString() {
        return "NormalizationOptions[caseFold=" + caseFold + ", collapseWhitespace=" + collapseWhitespace
                + ", stripControls=" + stripControls + ", lossy=" + lossy + "]";
    }
}
