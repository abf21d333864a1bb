package io.textwasm.size.analysis;

import io.textwasm.size.SizeReportException;

/** The budget file is not valid JSON or does not have the budget's shape. */
public final class BudgetFileException extends SizeReportException {
    private static final long serialVersionUID = 1L;

    public BudgetFileException(String message) {
        super(message);
    }
}
