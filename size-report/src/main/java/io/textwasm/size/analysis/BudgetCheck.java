package io.textwasm.size.analysis;

import java.util.List;

/**
 * A budget applied to a module: one line per limit the budget file sets.
 *
 * @param warnings limits that check nothing in this module: a custom section it does not have,
 *     which is as likely a misspelt name ({@code custom:nmae}) as a section this build strips
 */
public record BudgetCheck(String file, List<BudgetLine> lines, List<String> warnings) {
    public BudgetCheck {
        lines = List.copyOf(lines);
        warnings = List.copyOf(warnings);
    }

    public boolean within() {
        return lines.stream().allMatch(BudgetLine::within);
    }

    public List<BudgetLine> overruns() {
        return lines.stream().filter(l -> !l.within()).toList();
    }
}
