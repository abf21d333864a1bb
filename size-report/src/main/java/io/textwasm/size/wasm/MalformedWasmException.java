package io.textwasm.size.wasm;

import io.textwasm.size.SizeReportException;

/**
 * The input is not a well-formed WebAssembly binary. "Malformed" is the spec's own word for a
 * binary that fails to decode (as opposed to "invalid", which needs type checking we never do).
 * The offset is where decoding stopped, so a user can look at the bytes with a hex dump.
 */
public final class MalformedWasmException extends SizeReportException {
    private static final long serialVersionUID = 1L;

    private final long offset;
    private final String reason;

    public MalformedWasmException(long offset, String reason) {
        super("malformed: " + reason + " at offset 0x" + Long.toHexString(offset));
        this.offset = offset;
        this.reason = reason;
    }

    /** Byte offset from the start of the file. */
    public long offset() {
        return offset;
    }

    /** The message without the "malformed:" prefix and the offset. */
    public String reason() {
        return reason;
    }
}
