package io.textwasm.size.analysis;

import io.textwasm.size.SizeReportException;

/**
 * Puts the file name in front of an error from any layer, so every error line says which of
 * the (up to three) input files it is about: {@code core.wasm: malformed: ...}.
 */
public final class InputException extends SizeReportException {
    private static final long serialVersionUID = 1L;

    private final String path;

    public InputException(String path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    public static InputException wrap(String path, SizeReportException cause) {
        return new InputException(path, cause.getMessage(), cause);
    }

    /** The path as the user gave it. */
    public String path() {
        return path;
    }
}
