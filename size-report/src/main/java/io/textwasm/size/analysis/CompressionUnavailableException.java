package io.textwasm.size.analysis;

import io.textwasm.size.SizeReportException;

/** A compressor cannot run here, typically Brotli4j without a native library for this platform. */
public final class CompressionUnavailableException extends SizeReportException {
    private static final long serialVersionUID = 1L;

    public CompressionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
