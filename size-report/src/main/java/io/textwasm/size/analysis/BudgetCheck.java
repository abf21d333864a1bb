package io.textwasm.size.analysis;

import java.util.List;

/** A budget applied to a module: one line per limit the budget file sets. */
public record BudgetCheck(String file, List<BudgetLine> lines) {
    public BudgetCheck {
        lines = List.copyOf(lines);
    }

    public boolean within() {
        return lines.stream().allMatch(BudgetLine::within);
    }

    public List<BudgetLine> overruns() {
        return lines.stream().filter(l -> !l.within()).toList();
    }
}
