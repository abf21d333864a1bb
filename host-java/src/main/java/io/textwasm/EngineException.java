package io.textwasm;

/**
 * The WebAssembly core failed in a way input cannot cause: it ran out of linear memory, trapped,
 * or the calling thread was interrupted. The instance involved is discarded; the engine stays usable.
 */
public final class EngineException extends TextwasmException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
