package io.textwasm.size.analysis;

/**
 * What the emitters render: the module's sizes plus the optional comparison and budget verdict.
 *
 * @param baseline null without {@code --baseline}
 * @param budget null without {@code --budget}
 * @param top how many functions, rollup groups and changed functions the text and markdown
 *     formats list (JSON always lists everything, so it can serve as a later baseline)
 */
public record Report(ModuleSizes sizes, BaselineDiff baseline, BudgetCheck budget, int top) {
    public boolean withinBudget() {
        return budget == null || budget.within();
    }

    /** Limits of the budget that check nothing in this module (see {@link BudgetCheck#warnings}). */
    public java.util.List<String> budgetWarnings() {
        return budget == null ? java.util.List.of() : budget.warnings();
    }

    /** The limits the module exceeds; empty without a budget. */
    public java.util.List<BudgetLine> overruns() {
        return budget == null ? java.util.List.of() : budget.overruns();
    }
}
