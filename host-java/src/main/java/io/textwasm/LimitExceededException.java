package io.textwasm;

/** A configured limit (memory, input size, buffered text) would be exceeded; the message names it. */
public final class LimitExceededException extends TextwasmException {
    private static final long serialVersionUID = 1L;

    public LimitExceededException(String message) {
        super(message);
    }
}
