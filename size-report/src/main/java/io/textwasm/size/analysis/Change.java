package io.textwasm.size.analysis;

/**
 * One item compared across two builds. An item missing on one side counts as 0 bytes there.
 *
 * @param inOld whether the item exists in the baseline
 * @param inNew whether it exists in the current module
 */
public record Change(String name, long oldSize, long newSize, boolean inOld, boolean inNew) {
    public long delta() {
        return newSize - oldSize;
    }

    /** {@code added}, {@code removed}, {@code grown}, {@code shrunk} or {@code same}. */
    public String status() {
        if (!inOld) {
            return "added";
        }
        if (!inNew) {
            return "removed";
        }
        long d = delta();
        return d > 0 ? "grown" : d < 0 ? "shrunk" : "same";
    }
}
