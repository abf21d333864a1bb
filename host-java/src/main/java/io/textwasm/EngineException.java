package io.textwasm;

/**
 * The WebAssembly core failed in a way input cannot cause: it trapped, rejected a call, or the
 * calling thread was interrupted. (Running out of linear memory, which a large enough input can
 * cause, is a {@link LimitExceededException}.) The instance involved is discarded; the engine
 * stays usable.
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
