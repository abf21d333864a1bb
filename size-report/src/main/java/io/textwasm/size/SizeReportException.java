package io.textwasm.size;

/**
 * Root of every error this module reports on purpose. It is unchecked, like Chicory's
 * {@code ChicoryException}, so that the layers can stay free of {@code throws} clauses; the CLI
 * turns any instance into exit code 2 and one line on stderr.
 *
 * <p>It lives in the root package, with nothing else, so that the dependency-free wasm parser
 * can extend it without importing anything above itself.
 */
public class SizeReportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SizeReportException(String message) {
        super(message);
    }

    public SizeReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
