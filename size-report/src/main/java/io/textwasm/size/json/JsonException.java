package io.textwasm.size.json;

import io.textwasm.size.SizeReportException;

/** Text that is not JSON, with the line and column where reading stopped. */
public final class JsonException extends SizeReportException {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
