package io.textwasm;

/**
 * Root of every exception textwasm throws. All are unchecked, and each subclass names one kind
 * of failure, so callers can catch exactly what they can act on.
 */
public class TextwasmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TextwasmException(String message) {
        super(message);
    }

    public TextwasmException(String message, Throwable cause) {
        super(message, cause);
    }
}
