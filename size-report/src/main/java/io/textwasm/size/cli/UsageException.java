package io.textwasm.size.cli;

import io.textwasm.size.SizeReportException;

/** The command line itself is wrong: unknown option, missing value, no input file. */
public final class UsageException extends SizeReportException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message + " (see --help)");
    }
}
