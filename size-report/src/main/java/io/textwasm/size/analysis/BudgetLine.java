package io.textwasm.size.analysis;

/**
 * One limit of the budget compared with the module.
 *
 * @param name {@code raw}, {@code gzip}, {@code brotli} or {@code section <name>}
 */
public record BudgetLine(String name, long limit, long actual) {
    public boolean within() {
        return actual <= limit;
    }

    /** Bytes over the limit; negative when under it. */
    public long over() {
        return actual - limit;
    }

    /** {@code over budget: brotli 15,912 B > 15,360 B (+552 B, +3.6%)}. */
    public String overrunMessage() {
        String percent = limit == 0 ? "" : ", " + Numbers.signedPercent(over(), limit);
        return "over budget: " + name + " " + Numbers.bytes(actual) + " > " + Numbers.bytes(limit)
                + " (" + Numbers.signedBytes(over()) + percent + ")";
    }
}
