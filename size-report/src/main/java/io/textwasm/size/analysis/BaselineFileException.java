package io.textwasm.size.analysis;

import io.textwasm.size.SizeReportException;

/** The baseline is neither a wasm module nor a JSON report this tool wrote. */
public final class BaselineFileException extends SizeReportException {
    private static final long serialVersionUID = 1L;

    public BaselineFileException(String message) {
        super(message);
    }
}
