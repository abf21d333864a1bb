package io.textwasm;

/** Input bytes are not well-formed UTF-8. {@link #offset()} is the byte offset of the first bad sequence. */
public final class InvalidUtf8Exception extends TextwasmException {
    private static final long serialVersionUID = 1L;
    private final long offset;
    private final String source;

    public InvalidUtf8Exception(long offset, String source) {
        super((source == null ? "" : source + ": ") + "invalid UTF-8 at byte offset " + offset
                + " (use the lossy option to replace ill-formed sequences with U+FFFD)");
        this.offset = offset;
        this.source = source;
    }

    public long offset() {
        return offset;
    }

    /** Where the bytes came from (a file name, say), or null. */
    public String source() {
        return source;
    }
}
